import { formatDurationText, parseDuration } from '@/components/alerts/rule-draft';

export interface ChannelDraft {
  name: string;
  type: 'webhook' | 'slack' | 'alertmanager-webhook';
  url: string;
  severities: string[];
  matchers: { name: string; op: '=' | '!=' | '=~' | '!~'; value: string }[];
  /** "4h", "30m", "90s". */
  repeatText: string;
  enabled: boolean;
}

export const EMPTY_CHANNEL_DRAFT: ChannelDraft = {
  name: '',
  type: 'webhook',
  url: '',
  severities: [],
  matchers: [],
  repeatText: '4h',
  enabled: true,
};

export const draftFromChannel = (c: Omit<ChannelDraft, 'repeatText'> & { repeatIntervalMs: number }): ChannelDraft => ({
  name: c.name,
  type: c.type,
  url: c.url,
  severities: [...c.severities],
  matchers: c.matchers.map((m) => ({ ...m })),
  repeatText: formatDurationText(c.repeatIntervalMs),
  enabled: c.enabled,
});

/** The API's fields, or the one problem the form can name itself (the repeat interval it cannot read). */
export function channelInputFromDraft(d: ChannelDraft) {
  const repeatIntervalMs = parseDuration(d.repeatText);
  if (repeatIntervalMs === null) return { problem: 'write a duration: 30m, 4h', input: null };
  return {
    problem: null,
    input: {
      name: d.name.trim(),
      type: d.type,
      url: d.url.trim(),
      severities: d.severities as ('critical' | 'warning' | 'info')[],
      matchers: d.matchers,
      repeatIntervalMs,
      enabled: d.enabled,
    },
  };
}
