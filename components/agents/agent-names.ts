/** The agents a task view names, asked for by id (terminated ones too): never the whole fleet. */
export function agentNamesInput(ids: (string | null | undefined)[]) {
  const unique = [...new Set(ids.filter((id): id is string => !!id))].sort().slice(0, 500);
  return { ids: unique, includeTerminated: true, limit: Math.max(1, unique.length) };
}
