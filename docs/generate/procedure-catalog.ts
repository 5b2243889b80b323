import { PERMISSIONS, type Permission, ROLE_PERMISSIONS } from '@/server/core/access/permissions';
import { isVerb, VERB_MAP } from '@/server/core/access/verb-map';
import { appRouter } from '@/server/trpc/root';

export type ProcedureKind = 'query' | 'mutation' | 'subscription';

/** Who may call a procedure, read from the permission map (`server/core/access/verb-map.ts`): the least role, or an agent. */
export type Access = 'anonymous' | 'signed-in' | 'viewer' | 'operator' | 'admin' | 'agent-status' | 'agent';

export interface ProcedureInfo {
  path: string;
  kind: ProcedureKind;
  access: Access;
  /** The permission the map names for it; null when the map has no entry (a problem). */
  permission: Permission | null;
  /** The zod schema of its input, or null when it takes none. */
  input: unknown;
  /** Whether the input may be left out altogether. */
  inputOptional: boolean;
}

interface ProcedureDef {
  type: ProcedureKind;
  inputs: { safeParse(v: unknown): { success: boolean } }[];
}

export interface Catalog {
  procedures: ProcedureInfo[];
  /** Procedures the catalog could not place. */
  problems: string[];
}

/** The audience of a permission: the first of viewer, operator, admin that holds it, or who else it is for. */
export function accessOf(permission: Permission): Access {
  if (permission === 'public') return 'anonymous';
  if (permission === 'session:self') return 'signed-in';
  if (permission === 'agent:status') return 'agent-status';
  if (permission === 'agent:self') return 'agent';
  return (['viewer', 'operator', 'admin'] as const).find((r) => ROLE_PERMISSIONS[r].has(permission)) ?? 'admin';
}

/** Reads a router the way tRPC serves it: `_def.procedures` is flat (`"agents.register"` → procedure). */
export function readCatalog(router: { _def: { procedures: object } } = appRouter): Catalog {
  const problems: string[] = [];
  const procedures = Object.entries(router._def.procedures as Record<string, { _def: ProcedureDef }>).map(
    ([path, proc]) => {
      const def = proc._def;
      const permission = isVerb(path) ? VERB_MAP[path].permission : null;
      if (!permission)
        problems.push(
          `${path}: has no entry in the permission map, so nobody may call it; add one to server/core/access/verb-map.ts`,
        );
      if (def.inputs.length > 1)
        problems.push(`${path}: has ${def.inputs.length} chained input parsers; the docs render one`);
      const input = def.inputs[0] ?? null;
      return {
        path,
        kind: def.type,
        access: permission ? accessOf(permission) : 'admin',
        permission,
        input,
        inputOptional: !input || input.safeParse(undefined).success,
      };
    },
  );
  return { procedures: procedures.sort((a, b) => a.path.localeCompare(b.path)), problems };
}

/** "`tasks:operate` (cancel, retry… tasks)": the permission as the docs name it. */
export const describePermission = (p: Permission) => `\`${p}\` (${PERMISSIONS[p]})`;
