import type { Access, ProcedureKind } from './procedure-catalog';

/** The shell variable holding the token a caller of this access sends (as the README's walkthrough names them). */
export function tokenVariable(access: Access): string | null {
  if (access === 'anonymous') return null;
  return access === 'agent' || access === 'agent-status' ? 'AGENT' : 'ADMIN';
}

/** A curl command calling the procedure as the docs describe it: GET with `?input=` for queries, POST with a JSON body otherwise. */
export function curlExample(path: string, kind: ProcedureKind, access: Access, input: unknown): string {
  const token = tokenVariable(access);
  const auth = token ? ` -H "authorization: Bearer $${token}"` : '';
  const json = input === undefined ? null : shellQuote(JSON.stringify(input));
  if (kind === 'mutation') {
    return `curl -s -X POST "$API/${path}"${auth} -H 'content-type: application/json' -d ${json ?? "'{}'"}`;
  }
  const stream = kind === 'subscription' ? ` -N -H 'accept: text/event-stream'` : '';
  const query = json ? ` --data-urlencode input=${json}` : '';
  return `curl -s${stream} -G "$API/${path}"${auth}${query}`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
