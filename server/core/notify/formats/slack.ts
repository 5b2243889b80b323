import { alertUrl, type Notification } from '../notification';

/** Slack shows at most 50 blocks and 3,000 characters per section: keep well inside. */
const MAX_ALERT_BLOCKS = 20;
const MAX_SECTION_CHARS = 2_900;
const ICON: Record<string, string> = {
  critical: ':red_circle:',
  warning: ':large_orange_circle:',
  info: ':information_source:',
};

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** Slack's mrkdwn treats these three as markup. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack incoming-webhook message: `text` is the notification's fallback, `blocks` what the channel shows. */
export function slackPayload(n: Notification) {
  const rule = n.alerts[0]?.rule ?? 'alert';
  const title = `[${n.status.toUpperCase()}:${n.alerts.length}] ${rule}`;
  const shown = n.alerts.slice(0, MAX_ALERT_BLOCKS);
  const blocks: object[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: cut(`*${esc(title)}*${n.reason === 'test' ? ' (test)' : ''}`, MAX_SECTION_CHARS) },
    },
    ...shown.map((a) => {
      const labels = Object.entries(a.labels)
        .map(([k, v]) => `\`${esc(k)}=${esc(v)}\``)
        .join(' ');
      const icon = n.status === 'resolved' ? ':white_check_mark:' : (ICON[a.severity] ?? ':bell:');
      const line = `${icon} <${alertUrl(n.publicUrl, a)}|${esc(a.summary || a.rule)}> (${a.severity}, ${a.state})\n${labels}`;
      return { type: 'section', text: { type: 'mrkdwn', text: cut(line, MAX_SECTION_CHARS) } };
    }),
  ];
  if (n.alerts.length > shown.length)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `and ${n.alerts.length - shown.length} more` }],
    });
  const summary = n.alerts.length === 1 ? `: ${n.alerts[0]!.summary}` : '';
  return { text: cut(`${title}${summary}`, 3_000), blocks };
}
