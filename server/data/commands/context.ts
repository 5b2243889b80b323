import type { Env } from '@/server/env';

export interface CommandContext {
  env: Env;
  /** This Flightdeck's version (package.json), written into exports. */
  version: string;
  /** A path the operator gave, made absolute against the directory they ran the command in. */
  resolve(p: string): string;
  /** A result line for the operator, on stdout (progress goes to stderr). */
  say(line: string): void;
}

export type DataCommand = (args: string[], ctx: CommandContext) => Promise<void>;

export const defaultServerUrl = (env: Env) => `http://127.0.0.1:${env.PORT}`;

/** --data-dir (relative to the caller), else FLIGHTDECK_DATA_DIR as the server resolves it. */
export const dataDirOf = (option: string | undefined, ctx: CommandContext) =>
  option ? ctx.resolve(option) : ctx.env.dataDir;
