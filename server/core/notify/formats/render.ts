import type { Notification } from '../notification';
import type { ChannelType } from '../ports';
import { alertmanagerPayload } from './alertmanager';
import { genericPayload } from './generic';
import { slackPayload } from './slack';

const RENDER: Record<ChannelType, (n: Notification) => object> = {
  webhook: genericPayload,
  slack: slackPayload,
  'alertmanager-webhook': alertmanagerPayload,
};

/** The exact body a channel of this type is sent (signed as it is). */
export const renderNotification = (type: ChannelType, n: Notification): string => JSON.stringify(RENDER[type](n));
