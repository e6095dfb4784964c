/**
 * A `.zip` inflated under an ImportBudget: fflate's streaming Unzip is fed the archive a few
 * KiB at a time and every inflated byte is counted as it comes, so the first overrun stops
 * the work within one slice. The sizes the archive declares are never trusted, nor used to
 * allocate: a bomb that declares 100 bytes and inflates to gigabytes costs at most the
 * budget plus what one slice can inflate to (deflate's ratio is at most about 1032:1).
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import type { ImportBudget } from './import-budget.ts';
import { nameRefusal } from './import-names.ts';

/** The archive is fed in slices this long: one slice inflates to at most ~4 MiB. */
const SLICE_BYTES = 4 * 1024;

export type Inflated =
  { ok: true; files: Array<{ path: string; bytes: Uint8Array }> } | { ok: false; error: string };

const LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

export function inflateZip(archive: Uint8Array, budget: ImportBudget): Inflated {
  if (!startsWith(archive, LOCAL_FILE) && !startsWith(archive, EMPTY_ARCHIVE))
    return { ok: false, error: 'not a zip archive' };
  const files: Array<{ path: string; bytes: Uint8Array }> = [];
  let refusal: string | null = null;
  let open = 0;
  const refuse = (error: string) => (refusal ??= error);

  const onFile = (file: UnzipFile) => {
    if (refusal) return;
    // A folder entry is never read, but a name that leaves the project refuses all the same.
    if (file.name.endsWith('/')) {
      const why = nameRefusal(file.name);
      return why ? refuse(why) : undefined;
    }
    const admission = budget.admit(file.name);
    if (admission.kind === 'refuse') return refuse(admission.error);
    if (admission.kind === 'skip') return; // hidden: never inflated
    const path = admission.path;
    const chunks: Uint8Array[] = [];
    let size = 0;
    open++;
    file.ondata = (error, data, final) => {
      if (refusal) return;
      if (error) return refuse(`${path}: ${error.message}`);
      size += data.length;
      const over = budget.count(path, data.length, size);
      if (over) return refuse(over);
      chunks.push(data);
      if (!final) return;
      open--;
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      files.push({ path, bytes });
    };
    file.start();
  };

  const unzip = new Unzip(onFile);
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < archive.length && !refusal; at += SLICE_BYTES) {
      const end = Math.min(at + SLICE_BYTES, archive.length);
      unzip.push(archive.subarray(at, end), end === archive.length);
    }
  } catch (e) {
    refuse(`a damaged zip archive (${(e as Error).message})`);
  }
  if (refusal) return { ok: false, error: refusal };
  if (open > 0) return { ok: false, error: 'a damaged zip archive (a file ends early)' };
  return { ok: true, files };
}
