/**
 * The CLI's failures, typed, and the one place that turns them into a message and an exit code.
 * File problems are worded in src/local/file-problems.ts (the import dialog words them the same).
 */
import { FileError, fileMessage } from '../local/file-problems';

export { FileError, fileMessage };
export type { FileErrorCode } from '../local/file-problems';

/** Exit codes: 0 fine, 1 the data has errors, 2 the input or the command cannot be used. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

/** Node's errno for a read or a write to `path`, as a typed FileError. */
export function fromOsError(e: unknown, path: string, action: 'read' | 'write'): FileError {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return new FileError(action === 'read' ? 'not-found' : 'cannot-create', path);
    case 'EACCES':
    case 'EPERM':
      return new FileError(action === 'read' ? 'no-read-permission' : 'no-write-permission', path);
    case 'ENOSPC':
      return new FileError('no-space', path);
    case 'EDQUOT':
      return new FileError('quota', path);
    case 'EISDIR':
      return new FileError('is-directory', path);
    case 'ENOTDIR':
      return new FileError('not-a-directory', path);
    case 'EROFS':
      return new FileError('read-only-fs', path);
    case 'EFBIG':
      return new FileError(
        action === 'read' ? 'too-large' : 'file-too-big-for-disk',
        path,
        'vượt giới hạn kích thước tệp của hệ thống',
      );
    case 'EBUSY':
    case 'ETXTBSY':
      return new FileError('busy', path);
    case 'ELOOP':
      return new FileError('link-loop', path);
    case 'ENAMETOOLONG':
      return new FileError('name-too-long', path);
    case 'EMFILE':
    case 'ENFILE':
      return new FileError('too-many-open', path);
    case 'EIO':
    case 'ENXIO':
    case 'ENODEV':
      return new FileError('io-error', path);
    case 'EEXIST':
      return new FileError('exists', path);
    default:
      // Only the code: Node's own text is English and means nothing more to the user.
      return new FileError('os-other', path, code ?? '');
  }
}

/**
 * A failed replace of an output: on Windows a file open in Excel cannot be replaced (EBUSY, or
 * EPERM/EACCES on a file the user may otherwise write), so an existing target gets Excel's advice.
 */
export function writeFailure(e: unknown, path: string, targetExists: boolean): FileError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (targetExists && (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'))
    return new FileError('open-in-excel', path);
  return fromOsError(e, path, 'write');
}

/** System calls that read; any other that fails is taken as a write. */
const READS = new Set(['read', 'stat', 'lstat', 'fstat', 'scandir', 'readlink', 'realpath', 'access']);

/** Any failure to a message and an exit code; never a trace. */
export function failureOf(e: unknown): { message: string; exitCode: 1 | 2 } {
  if (e instanceof CliError) return { message: e.message, exitCode: e.exitCode };
  if (e instanceof FileError) return { message: fileMessage(e), exitCode: 2 };
  // An operating-system error that escaped its command's wording (a full disk met anywhere):
  // worded by its code like every other, never Node's English.
  const os = e as NodeJS.ErrnoException;
  if (typeof os?.code === 'string' && /^E[A-Z]+$/.test(os.code) && typeof os.syscall === 'string') {
    const action = READS.has(os.syscall) ? 'read' : 'write';
    const path = os.path ?? (action === 'read' ? 'tệp đầu vào' : 'tệp kết quả');
    return { message: fileMessage(fromOsError(e, path, action)), exitCode: 2 };
  }
  return {
    message: `Lỗi ngoài dự kiến: ${(e as Error)?.message ?? e}. Xin báo lại cho nhóm phát triển kèm lệnh đã gõ.`,
    exitCode: 2,
  };
}
