// The errors of the simulated kernel: Linux errno numbers and glibc's strerror texts. The file
// system and the descriptor table throw VfsError; the posix module turns it into OSError.

export const Errno = {
  EPERM: 1,
  ENOENT: 2,
  EINTR: 4,
  EIO: 5,
  EBADF: 9,
  ECHILD: 10,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EBUSY: 16,
  EEXIST: 17,
  EXDEV: 18,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  EMFILE: 24,
  ENOTTY: 25,
  EFBIG: 27,
  ENOSPC: 28,
  ESPIPE: 29,
  EROFS: 30,
  EPIPE: 32,
  ERANGE: 34,
  ENAMETOOLONG: 36,
  ENOTEMPTY: 39,
  ELOOP: 40,
} as const;

/** strerror(3) as glibc words it, for the errnos the simulation raises. */
const MESSAGES: Record<number, string> = {
  1: 'Operation not permitted',
  2: 'No such file or directory',
  4: 'Interrupted system call',
  5: 'Input/output error',
  9: 'Bad file descriptor',
  10: 'No child processes',
  11: 'Resource temporarily unavailable',
  12: 'Cannot allocate memory',
  13: 'Permission denied',
  16: 'Device or resource busy',
  17: 'File exists',
  18: 'Invalid cross-device link',
  20: 'Not a directory',
  21: 'Is a directory',
  22: 'Invalid argument',
  24: 'Too many open files',
  25: 'Inappropriate ioctl for device',
  27: 'File too large',
  28: 'No space left on device',
  29: 'Illegal seek',
  30: 'Read-only file system',
  32: 'Broken pipe',
  34: 'Numerical result out of range',
  36: 'File name too long',
  39: 'Directory not empty',
  40: 'Too many levels of symbolic links',
};

export function strerror(errno: number): string {
  return MESSAGES[errno] ?? `Unknown error ${errno}`;
}

/** A failed system call: its errno and the path(s) it was about, as OSError reports them. */
export class VfsError extends Error {
  constructor(readonly errno: number, readonly filename?: string, readonly filename2?: string) {
    super(strerror(errno));
  }
}

export function fail(errno: number, filename?: string, filename2?: string): never {
  throw new VfsError(errno, filename, filename2);
}
