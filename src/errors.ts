/**
 * A problem the clerk can act on (a missing file, a damaged letter, a workspace that already exists).
 * Library functions throw it; the CLI prints its Chinese message on one line and exits with `exitCode`.
 * Anything else that escapes is a bug, and the CLI still prints one line, never a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
