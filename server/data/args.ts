import { usageError } from './command-error';

export interface ParsedArgs {
  file: string;
  options: Record<string, string | true>;
}

/**
 * `COMMAND FILE [--name value] [--flag]`: exactly one positional argument, options from the
 * allowed list (`--name=value` works too); anything else is a usage error naming it.
 */
export function parseArgs(args: string[], allowed: { values: string[]; flags: string[] }): ParsedArgs {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const [name, inline] = splitOnce(arg.slice(2), '=');
    if (allowed.flags.includes(name) && inline === undefined) options[name] = true;
    else if (allowed.values.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw usageError(`--${name} needs a value`);
      options[name] = value;
    } else throw usageError(`unknown option ${arg}`);
  }
  if (positional.length === 0) throw usageError('missing FILE');
  if (positional.length > 1) throw usageError(`one FILE only (got ${positional.join(' ')})`);
  return { file: positional[0], options };
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

export const optionString = (o: ParsedArgs['options'], name: string): string | undefined =>
  typeof o[name] === 'string' ? (o[name] as string) : undefined;
