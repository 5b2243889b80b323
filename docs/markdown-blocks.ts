/**
 * The fenced blocks of a Markdown file and what their info string says about them:
 * ```bash run      executed by the README test, in order, in one shell
 * ```bash server   started in the background as the server the run blocks talk to
 * ```bash no-run   shown only (installs, logins, production set-ups, the test command itself)
 * ```text expected the output the run block just before it must print (… matches anything)
 */
export interface Block {
  lang: string;
  tags: string[];
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
}

export const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'console']);
export const COMMAND_TAGS = ['run', 'no-run', 'server'] as const;

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let open: { lang: string; tags: string[]; line: number; fence: string; body: string[] } | null = null;
  lines.forEach((text, i) => {
    if (!open) {
      const m = /^(\s*)(`{3,}|~{3,})\s*(.*)$/.exec(text);
      if (m) {
        const [lang = '', ...tags] = m[3].trim().split(/\s+/).filter(Boolean);
        open = { lang, tags, line: i + 1, fence: m[2], body: [] };
      }
      return;
    }
    if (text.trim().startsWith(open.fence) && text.trim().replace(/[`~]/g, '') === '') {
      blocks.push({ lang: open.lang, tags: open.tags, line: open.line, body: open.body.join('\n') });
      open = null;
      return;
    }
    open.body.push(text);
  });
  if (open) throw new Error(`the block opened on line ${(open as { line: number }).line} is never closed`);
  return blocks;
}

/** What is wrong with a block's tags, or null: every block names its language; shell blocks say whether they run. */
export function tagProblem(b: Block): string | null {
  if (!b.lang) return 'has no language: use ```bash run|no-run for commands, ```text for output and diagrams';
  if (SHELL_LANGS.has(b.lang)) {
    const tag = b.tags.find((t) => (COMMAND_TAGS as readonly string[]).includes(t));
    if (!tag) return `is a ${b.lang} block without a tag: add "run" (the README test executes it) or "no-run"`;
  }
  if (b.tags.includes('expected') && SHELL_LANGS.has(b.lang))
    return 'is tagged "expected" but is a shell block: expected output goes in a ```text expected block';
  return null;
}

/** Ids, tokens and leases differ on every run: both sides are compared with them replaced. */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
    .replace(/\b([a-z]{2,8})_[A-Za-z0-9_-]{10,}/g, '$1_<id>')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .join('\n');
}

/** Whether `actual` matches `expected` line for line, where … in `expected` stands for any text. */
export function matchesExpected(
  actual: string,
  expected: string,
): { ok: true } | { ok: false; line: number; expected: string; actual: string } {
  const a = normalizeOutput(actual).split('\n');
  const e = normalizeOutput(expected).split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    const want = e[i];
    const got = a[i];
    if (want === undefined || got === undefined || !lineMatches(got, want))
      return { ok: false, line: i + 1, expected: want ?? '(nothing)', actual: got ?? '(nothing)' };
  }
  return { ok: true };
}

function lineMatches(got: string, want: string): boolean {
  const pattern = want
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(got);
}
