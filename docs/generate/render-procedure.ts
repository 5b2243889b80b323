import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { curlExample } from './curl-example';
import type { ProcedureDoc, ProcedurePath } from './doc-types';
import { describeInput, type InputShape } from './input-fields';
import { layoutJson } from './json-layout';
import { type Access, describePermission, type ProcedureInfo } from './procedure-catalog';

/** Who may call, as the docs say it. */
export const ACCESS_LABEL: Record<Access, string> = {
  anonymous: 'no token needed',
  'signed-in': 'any token (an agent’s too) or dashboard session',
  viewer: 'a dashboard session or an API token of any role (viewer, operator, admin), not an agent’s token',
  operator: 'a dashboard session or an API token with the operator or admin role',
  admin: 'a dashboard session or an API token with the admin role',
  'agent-status': 'the agent’s own token, even once it was terminated',
  agent: 'the agent’s own token',
};

/** What a caller of this access may be refused, whatever the procedure. */
const ACCESS_ERRORS: Record<Access, Partial<Record<TRPC_ERROR_CODE_KEY, string>>> = {
  anonymous: {},
  'signed-in': { UNAUTHORIZED: 'no token or session, or an unknown one' },
  viewer: { UNAUTHORIZED: 'no token or session, or an unknown one', FORBIDDEN: 'an agent token' },
  operator: { UNAUTHORIZED: 'no token or session, or an unknown one', FORBIDDEN: 'an agent token, or a viewer' },
  admin: {
    UNAUTHORIZED: 'no token or session, or an unknown one',
    FORBIDDEN: 'an agent token, or a user or token without the admin role',
  },
  'agent-status': { UNAUTHORIZED: 'no token, or an unknown one', FORBIDDEN: 'not an agent token' },
  agent: { UNAUTHORIZED: 'no token, or an unknown one', FORBIDDEN: 'not an agent token, or the agent was terminated' },
};

/** The request line: queries and subscriptions are GETs (with `?input=` when they take one), mutations POSTs. */
function requestLine(info: ProcedureInfo): string {
  const url = `/api/trpc/${info.path}`;
  if (info.kind === 'mutation')
    return `mutation · \`POST ${url}\` with ${info.input ? 'a JSON body' : 'the body `{}`'}`;
  const get = `\`GET ${url}${info.input ? '?input=<JSON>' : ''}\``;
  return info.kind === 'query' ? `query · ${get}` : `subscription · ${get}, answered as a stream of server-sent events`;
}

/** How the docs name who may call: both agent permissions are "agent" (they differ for a terminated agent only). */
export const accessName = (access: Access) => (access === 'agent-status' ? 'agent' : access);

export const anchorOf = (path: string) => path.replace(/\./g, '-');
export const httpStatusOf = (code: TRPC_ERROR_CODE_KEY) => getHTTPStatusCodeFromError(new TRPCError({ code }));

export function renderProcedure(info: ProcedureInfo, doc: ProcedureDoc<ProcedurePath>): string {
  const needs = info.permission ? `; needs ${describePermission(info.permission)}` : '';
  const who = `who: **${accessName(info.access)}** (${ACCESS_LABEL[info.access]}${needs})`;
  const out: string[] = [
    `<a id="${anchorOf(info.path)}"></a>`,
    `### \`${info.path}\``,
    '',
    `${requestLine(info)} · ${who}`,
    '',
  ];
  out.push(doc.summary);
  if (doc.details) out.push('', doc.details.trim());
  out.push('', ...renderInput(info, doc), '', ...renderOutput(doc), '', ...renderErrors(info, doc));
  if (doc.example?.input !== undefined || info.inputOptional) {
    out.push('', '```bash no-run', curlExample(info.path, info.kind, info.access, doc.example?.input), '```');
  }
  return out.join('\n');
}

function renderInput(info: ProcedureInfo, doc: ProcedureDoc<ProcedurePath>): string[] {
  if (!info.input) return ['**Input**: none.'];
  const shape: InputShape = describeInput(info.input, doc.forms);
  const notes = doc.fields ?? {};
  const withNotes = Object.keys(notes).length > 0;
  const out: string[] = [];
  const optional = info.inputOptional ? ' (may be left out)' : '';
  shape.forms.forEach((form, i) => {
    if (i === 0)
      out.push(`**Input**${optional}${shape.forms.length > 1 ? `, in one of ${shape.forms.length} forms` : ''}:`, '');
    if (shape.forms.length > 1) out.push(`*${doc.forms?.[i] ?? `form ${i + 1}`}*:`, '');
    out.push(
      withNotes ? '| field | type | presence | meaning |' : '| field | type | presence |',
      withNotes ? '| --- | --- | --- | --- |' : '| --- | --- | --- |',
    );
    for (const r of form.rows) {
      const cells = [`\`${r.field}\``, r.type, r.presence, ...(withNotes ? [notes[r.field] ?? ''] : [])];
      out.push(`| ${cells.map(cell).join(' | ')} |`);
    }
    if (form.strict) out.push('', 'Fields not listed are refused (400 naming them).');
    out.push('');
  });
  return out.slice(0, -1);
}

function renderOutput(doc: ProcedureDoc<ProcedurePath>): string[] {
  const out = [`**Answer**${doc.returns ? `: ${doc.returns}` : ':'}`];
  if (doc.example?.output !== undefined) out.push('', '```json', layoutJson(doc.example.output), '```');
  return out;
}

function renderErrors(info: ProcedureInfo, doc: ProcedureDoc<ProcedurePath>): string[] {
  const rows = new Map<TRPC_ERROR_CODE_KEY, string[]>();
  const add = (code: TRPC_ERROR_CODE_KEY, text: string) => rows.set(code, [...(rows.get(code) ?? []), text]);
  if (info.input) add('BAD_REQUEST', 'invalid input (the message names each field)');
  for (const [code, text] of Object.entries(ACCESS_ERRORS[info.access])) add(code as TRPC_ERROR_CODE_KEY, text);
  for (const [code, text] of Object.entries(doc.errors ?? {})) add(code as TRPC_ERROR_CODE_KEY, text);
  if (!rows.size) return ['**Errors**: only those any call may meet (see the top of this page).'];
  const sorted = [...rows].sort(([a], [b]) => httpStatusOf(a) - httpStatusOf(b));
  return [
    '**Errors** (besides those any call may meet):',
    '',
    '| status | code | when |',
    '| --- | --- | --- |',
    ...sorted.map(([code, texts]) => `| ${httpStatusOf(code)} | \`${code}\` | ${cell(texts.join('; '))} |`),
  ];
}

/** Text for a table cell: pipes escaped, on one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
