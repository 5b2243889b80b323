import * as builders from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/root';

export type ProcedureKind = 'query' | 'mutation' | 'subscription';

/** Who may call a procedure, named after the builder it is made with (`server/trpc/init.ts`). */
export type Access = 'anonymous' | 'signed-in' | 'operator' | 'admin' | 'agent-status' | 'agent';

export interface ProcedureInfo {
  path: string;
  kind: ProcedureKind;
  access: Access;
  /** The zod schema of its input, or null when it takes none. */
  input: unknown;
  /** Whether the input may be left out altogether. */
  inputOptional: boolean;
}

/** Every procedure builder `init.ts` exports, and the access it grants. A builder missing here is a problem the docs test names. */
export const ACCESS_BY_BUILDER: Record<string, Access> = {
  publicProcedure: 'anonymous',
  authedProcedure: 'signed-in',
  operatorProcedure: 'operator',
  adminProcedure: 'admin',
  agentStatusProcedure: 'agent-status',
  agentProcedure: 'agent',
};

type Middleware = { _type?: string };
interface ProcedureDef {
  type: ProcedureKind;
  inputs: { safeParse(v: unknown): { success: boolean } }[];
  middlewares: Middleware[];
}

export interface Catalog {
  procedures: ProcedureInfo[];
  /** Procedures or builders the catalog could not place. */
  problems: string[];
}

/** Reads a router the way tRPC serves it: `_def.procedures` is flat (`"agents.register"` → procedure). */
export function readCatalog(router: { _def: { procedures: object } } = appRouter): Catalog {
  const problems: string[] = [];
  const known = builderMiddlewares(problems);
  const procedures = Object.entries(router._def.procedures as Record<string, { _def: ProcedureDef }>).map(([path, proc]) => {
    const def = proc._def;
    const access = accessOf(def.middlewares, known);
    if (!access) problems.push(`${path}: made with a procedure builder or middleware the docs cannot name; add it to ACCESS_BY_BUILDER in docs/generate/procedure-catalog.ts`);
    if (def.inputs.length > 1) problems.push(`${path}: has ${def.inputs.length} chained input parsers; the docs render one`);
    const input = def.inputs[0] ?? null;
    return { path, kind: def.type, access: access ?? 'operator', input, inputOptional: !input || input.safeParse(undefined).success };
  });
  return { procedures: procedures.sort((a, b) => a.path.localeCompare(b.path)), problems };
}

function builderMiddlewares(problems: string[]): { access: Access; middlewares: Middleware[] }[] {
  const found: { access: Access; middlewares: Middleware[] }[] = [];
  for (const [name, value] of Object.entries(builders)) {
    const middlewares = (value as { _def?: { middlewares?: Middleware[] } })?._def?.middlewares;
    if (!Array.isArray(middlewares)) continue;
    const access = ACCESS_BY_BUILDER[name];
    if (!access) problems.push(`server/trpc/init.ts exports ${name}, which the docs cannot name: add it to ACCESS_BY_BUILDER in docs/generate/procedure-catalog.ts`);
    else found.push({ access, middlewares });
  }
  return found.sort((a, b) => b.middlewares.length - a.middlewares.length);
}

/**
 * The builder whose middlewares the procedure starts with. Past them a procedure may only hold
 * its input and output parsers and tRPC's own resolver step: any other could change who may call.
 */
function accessOf(middlewares: Middleware[], known: { access: Access; middlewares: Middleware[] }[]): Access | null {
  for (const b of known) {
    if (!b.middlewares.every((m, i) => middlewares[i] === m)) continue;
    const rest = middlewares.slice(b.middlewares.length).filter((m) => m._type !== 'input' && m._type !== 'output');
    return rest.length === 1 ? b.access : null;
  }
  return null;
}
