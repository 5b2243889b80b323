/** Exit codes of the data commands, as their --help documents them. */
export const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3 } as const;

/** A data command stops with this: its message is for the operator, its code for scripts. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/** Bad or missing arguments. */
export const usageError = (message: string) => new CommandError(message, EXIT.usage);
/** Refused to protect data: a directory in use, a target that is not empty, a file that exists. */
export const refused = (message: string) => new CommandError(message, EXIT.refused);
/** The operation was tried and failed: unreadable file, server error, database error. */
export const failed = (message: string) => new CommandError(message, EXIT.failed);
