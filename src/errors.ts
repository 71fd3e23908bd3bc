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

/** Why the system refused a file operation, in the clerk's words (from the error's code: EACCES, EBUSY, ENOSPC …). */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有权限，或文件正被其他程序（如 WPS、Word、Excel）打开';
    case 'EBUSY':
    case 'ETXTBSY':
      return '文件正被其他程序（如 WPS、Word、Excel）打开，请关闭后重试';
    case 'ENOSPC':
      return '磁盘已满';
    case 'EDQUOT':
      return '超出了磁盘配额';
    case 'EROFS':
      return '所在的磁盘或文件夹是只读的';
    case 'ENOENT':
      return '文件夹不存在';
    case 'ENOTDIR':
      return '路径中有一个同名的文件，不是文件夹';
    case 'EISDIR':
      return '这是一个文件夹';
    case 'ENAMETOOLONG':
      return '路径太长';
    case 'EEXIST':
      return '已有同名的文件';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件太多';
    case 'EIO':
      return '磁盘读写出错';
    default:
      return code ? `系统错误 ${code}` : error instanceof Error ? error.message : String(error);
  }
}

/** A file operation's error (it carries a path), said in one line; null for any other error. */
export function fileErrorMessage(error: unknown): string | null {
  const failure = error as (NodeJS.ErrnoException & { dest?: string }) | null;
  if (typeof failure?.code !== 'string' || typeof failure.path !== 'string') return null;
  return `无法访问 ${failure.dest ?? failure.path}（${fileProblem(error)}）。`;
}
