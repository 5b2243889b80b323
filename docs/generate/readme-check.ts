import type { Access, Catalog, ProcedureKind } from './procedure-catalog';

const KIND_WORD: Record<ProcedureKind, string> = { query: 'GET', mutation: 'POST', subscription: 'GET' };
const TOKEN_WORD: Record<Access, string> = {
  anonymous: 'none',
  'signed-in': 'any',
  viewer: 'viewer',
  operator: 'operator',
  admin: 'admin',
  'agent-status': 'agent',
  agent: 'agent',
};

/**
 * What hand-written Markdown says about procedures that the router contradicts: a named
 * procedure that does not exist, or a row of a summary table (`| procedure | kind | token |`) whose
 * kind or token is not the procedure's.
 */
export function checkProcedureMentions(file: string, markdown: string, catalog: Catalog): string[] {
  const byPath = new Map(catalog.procedures.map((p) => [p.path, p]));
  const namespaces = [...new Set(catalog.procedures.map((p) => p.path.split('.')[0]))];
  const mention = new RegExp(`\`((?:${namespaces.join('|')})(?:\\.[A-Za-z]+)+)`, 'g');
  const problems: string[] = [];
  markdown.split('\n').forEach((line, i) => {
    for (const [, path] of line.matchAll(mention)) {
      if (!byPath.has(path)) problems.push(`${file}:${i + 1} names ${path}, which the router does not have`);
    }
  });
  let columns: string[] | null = null;
  markdown.split('\n').forEach((line, i) => {
    const cells = line.trim().startsWith('|')
      ? line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => c.trim())
      : null;
    if (!cells) return void (columns = null);
    if (cells[0] === 'procedure' && cells.includes('kind') && cells.includes('token')) return void (columns = cells);
    if (!columns || cells[0].startsWith('---')) return;
    const kind = cells[columns.indexOf('kind')];
    const token = cells[columns.indexOf('token')];
    for (const [, path] of cells[0].matchAll(mention)) {
      const p = byPath.get(path);
      if (!p) continue;
      if (kind !== KIND_WORD[p.kind])
        problems.push(`${file}:${i + 1} says ${path} is ${kind}; it is a ${p.kind} (${KIND_WORD[p.kind]})`);
      if (token !== TOKEN_WORD[p.access])
        problems.push(`${file}:${i + 1} says ${path} takes token "${token}"; it takes "${TOKEN_WORD[p.access]}"`);
    }
  });
  return problems;
}
