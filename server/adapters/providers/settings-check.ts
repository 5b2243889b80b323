import type { z } from 'zod';

/** Every problem with `settings`, each naming its field (`memoryMb: ...`), or null when they are fine. */
export function describeSettingsProblems(schema: z.ZodType, settings: unknown): string | null {
  const parsed = schema.safeParse(settings);
  if (parsed.success) return null;
  return parsed.error.issues
    .map((i) => {
      const where = i.path.join('.');
      // A typo is the usual cause: name the keys rather than zod's generic sentence.
      if (i.code === 'unrecognized_keys')
        return `${where ? `${where}: ` : ''}unknown setting${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}`;
      return where ? `${where}: ${i.message}` : i.message;
    })
    .join('; ');
}

/** The parsed settings; throws with the same message `validateSettings` gives. */
export function parseSettings<S extends z.ZodType>(schema: S, settings: unknown, kind: string): z.output<S> {
  const parsed = schema.safeParse(settings);
  if (parsed.success) return parsed.data;
  throw new Error(`invalid ${kind} provider settings: ${describeSettingsProblems(schema, settings)}`);
}
