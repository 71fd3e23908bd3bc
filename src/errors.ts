/**
 * A problem the clerk can act on (a missing file, a damaged letter, a workspace that already exists).
 * Library functions throw it; the CLI prints its Chinese message on one line and exits with `exitCode`.
 * Anything else that escapes is a bug, and the CLI still prints one line, never a stack trace.
 */
const USER_ERROR = Symbol.for('gongwen.UserError');

export class UserError extends Error {
  /** The brand `isUserError` knows it by: the CLI and the modules it loads on demand each bundle this class. */
  readonly [USER_ERROR] = true;

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Whether an error is a UserError, whichever bundle made it. */
export function isUserError(error: unknown): error is UserError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[USER_ERROR] === true;
}
