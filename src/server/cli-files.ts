/**
 * The CLI's files, checked before they are used (audit 2, I4):
 *
 * - the script and `--policy` are read only from a regular file under a size cap, and never
 *   more than the cap: `--policy /dev/zero` read until memory ran out;
 * - `--export` never overwrites the script, never writes through a symbolic link, and never
 *   replaces an existing file unless `--force` is given. The check runs before the script
 *   does (a refusal costs nothing), and the file is opened so that it holds at write time too
 *   (`wx`: fails if the file appeared since; `O_NOFOLLOW`: fails on a link that appeared).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';

/** Largest policy file read (a registry file is at most 256 KiB of text; a v2 JSON escapes it). */
export const MAX_POLICY_FILE_BYTES = 1024 * 1024;
/** Largest script read. */
export const MAX_SCRIPT_FILE_BYTES = 8 * 1024 * 1024;

/** The text of a regular file of at most `maxBytes` bytes; throws with the reason. */
export function readBoundedFile(file: string, what: string, maxBytes: number): string {
  let fd: number;
  try {
    // Non-blocking, so a named pipe cannot hold the open; fstat then refuses it.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new Error(`cannot read ${what} ${file}: ${errorCode(e)}`, { cause: e });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`cannot read ${what} ${file}: not a regular file`);
    if (stat.size > maxBytes) {
      throw new Error(`cannot read ${what} ${file}: larger than ${maxBytes} bytes`);
    }
    // Read at most one byte past the cap, in case the file grows while it is read.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) {
        throw new Error(`cannot read ${what} ${file}: larger than ${maxBytes} bytes`);
      }
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses an `--export` target that is the script, a symbolic link, or an existing file
 * without `force`; returns the flags to open it with, so the check holds at write time.
 */
export function checkExportTarget(target: string, script: string, force: boolean): number {
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(target);
  } catch {
    existing = undefined;
  }
  if (existing?.isSymbolicLink()) {
    throw new Error(`--export ${target} is a symbolic link; give the file itself`);
  }
  if (existing && sameFile(target, script)) {
    throw new Error(`--export ${target} is the script itself`);
  }
  if (existing && !force) {
    throw new Error(`--export ${target} exists; add --force to overwrite it`);
  }
  const base = constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW;
  return force ? base | constants.O_TRUNC : base | constants.O_EXCL;
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
