/**
 * The bounds of one project import (a `.zip` or a folder), counted in the bytes really read
 * or inflated, never in the sizes an archive declares: a crafted zip can declare a few bytes
 * and inflate to gigabytes. One budget per import; the first overrun ends it with a message
 * that names the bound. Files are text: a text file (by its name) that is not UTF-8 refuses
 * the import, any other file that is not UTF-8 (an image) is left out and named.
 */
import { MAX_PROJECT_BYTES, MAX_PROJECT_FILES } from './project-files.ts';
import { MAX_IMPORT_BYTES } from './script-files.ts';
import { checkImportName, isHidden } from './import-names.ts';

export const IMPORT_LIMITS = {
  /** Files read (hidden ones are not); the project keeps at most MAX_PROJECT_FILES of them. */
  maxFiles: MAX_PROJECT_FILES * 5,
  /** Bytes read or inflated, all files together. */
  maxTotalBytes: MAX_PROJECT_BYTES,
  /** One file: the bound of a lone `.lua` import. */
  maxFileBytes: MAX_IMPORT_BYTES,
} as const;

const MiB = 1024 * 1024;
const KiB = 1024;

/** Names whose content must be text: such a file that is not UTF-8 is a mistake to report. */
const TEXT_FILE = /\.(lua|ya?ml|json|md|txt)$/i;

const decoder = new TextDecoder('utf-8', { fatal: true });

export type Admission =
  | { kind: 'read'; path: string }
  | { kind: 'skip'; path: string }
  | { kind: 'refuse'; error: string };

export class ImportBudget {
  private files = 0;
  private total = 0;
  private readonly seen = new Set<string>();
  readonly skipped: string[] = [];

  constructor(
    /** How messages call the whole: "the archive", "the folder". */
    private readonly what: string,
    /** How they say it got too large: "inflates past", "holds more than". */
    private readonly growth: string,
    private readonly limits = IMPORT_LIMITS,
  ) {}

  /** Whether to read the file named `raw`: refused names and duplicates end the import. */
  admit(raw: string): Admission {
    const name = checkImportName(raw);
    if (!name.ok) return { kind: 'refuse', error: name.error };
    if (this.seen.has(name.path))
      return { kind: 'refuse', error: `${name.path} is in ${this.what} twice` };
    this.seen.add(name.path);
    if (isHidden(name.path)) {
      this.skipped.push(raw);
      return { kind: 'skip', path: name.path };
    }
    if (++this.files > this.limits.maxFiles)
      return {
        kind: 'refuse',
        error: `${this.what} holds more than ${this.limits.maxFiles} files`,
      };
    return { kind: 'read', path: name.path };
  }

  /** Count `bytes` more of file `path` (`fileBytes` so far, these included); null when within. */
  count(path: string, bytes: number, fileBytes: number): string | null {
    this.total += bytes;
    return this.overrun(path, fileBytes, 0);
  }

  /** Whether a file of `size` bytes would fit, before it is read; null when it would. */
  fits(path: string, size: number): string | null {
    return this.overrun(path, size, size);
  }

  private overrun(path: string, fileBytes: number, more: number): string | null {
    if (fileBytes > this.limits.maxFileBytes)
      return `file ${path} is larger than ${this.limits.maxFileBytes / KiB} KiB`;
    if (this.total + more > this.limits.maxTotalBytes)
      return `${this.what} ${this.growth} ${this.limits.maxTotalBytes / MiB} MiB`;
    return null;
  }

  /** The file's text; a file left out is named in `skipped`; a text file not UTF-8 refuses. */
  text(path: string, bytes: Uint8Array): { text: string } | { skip: true } | { error: string } {
    try {
      return { text: decoder.decode(bytes) };
    } catch {
      if (TEXT_FILE.test(path))
        return { error: `${path} is not UTF-8 text; save it as UTF-8 and import again` };
      this.skipped.push(path);
      return { skip: true };
    }
  }
}
