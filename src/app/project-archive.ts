/**
 * A project to and from the person's disk: a `.zip` archive (fflate) or a folder picked with
 * `<input webkitdirectory>`. Both are read under one ImportBudget (import-budget.ts): bounded
 * by the bytes really read or inflated, names that would leave the project refused, hidden
 * files left out unread, files that are not UTF-8 left out and named (refused when their name
 * says they are text).
 */
import { strToU8, zipSync } from 'fflate';
import { projectFromFiles, type ProjectPart } from './project-files.ts';
import { exportFileName } from './script-files.ts';
import { IMPORT_LIMITS, ImportBudget } from './import-budget.ts';
import { inflateZip } from './bounded-unzip.ts';

export type ProjectRead =
  { ok: true; project: ProjectPart; skipped: string[] } | { ok: false; error: string };

/**
 * An archive larger than this is not read at all: what it holds beyond the hidden files
 * (left compressed) would inflate past the budget anyway.
 */
export const MAX_ARCHIVE_BYTES = 4 * IMPORT_LIMITS.maxTotalBytes;

/** Decode each read file and make the project of them. */
function finish(
  read: Array<{ path: string; bytes: Uint8Array }>,
  budget: ImportBudget,
): ProjectRead {
  const files: Array<{ path: string; text: string }> = [];
  for (const { path, bytes } of read) {
    const decoded = budget.text(path, bytes);
    if ('error' in decoded) return { ok: false, error: decoded.error };
    if ('text' in decoded) files.push({ path, text: decoded.text });
  }
  const project = projectFromFiles(files);
  return project.ok ? { ...project, skipped: [...budget.skipped, ...project.skipped] } : project;
}

/** The project in a `.zip` archive's bytes. */
export function readZip(bytes: Uint8Array): ProjectRead {
  if (bytes.length > MAX_ARCHIVE_BYTES)
    return {
      ok: false,
      error: `the archive is larger than ${MAX_ARCHIVE_BYTES / 1024 / 1024} MiB`,
    };
  const budget = new ImportBudget('the archive', 'inflates past');
  const inflated = inflateZip(bytes, budget);
  return inflated.ok ? finish(inflated.files, budget) : inflated;
}

/** The project in a `.zip` file the person picked; a file too large is not read. */
export async function readZipFile(file: File): Promise<ProjectRead> {
  if (file.size > MAX_ARCHIVE_BYTES)
    return {
      ok: false,
      error: `the archive is larger than ${MAX_ARCHIVE_BYTES / 1024 / 1024} MiB`,
    };
  return readZip(new Uint8Array(await file.arrayBuffer()));
}

/**
 * The project in a folder the person picked (each File's `webkitRelativePath`). A File's size
 * is the file system's, so an overrun is found before the file is read; the bytes read are
 * counted all the same.
 */
export async function readFolder(list: ArrayLike<File>): Promise<ProjectRead> {
  const budget = new ImportBudget('the folder', 'holds more than');
  const read: Array<{ path: string; bytes: Uint8Array }> = [];
  for (const file of Array.from(list)) {
    const admission = budget.admit(file.webkitRelativePath || file.name);
    if (admission.kind === 'refuse') return { ok: false, error: admission.error };
    if (admission.kind === 'skip') continue;
    const declared = budget.fits(admission.path, file.size);
    if (declared) return { ok: false, error: declared };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const over = budget.count(admission.path, bytes.length, bytes.length);
    if (over) return { ok: false, error: over };
    read.push({ path: admission.path, bytes });
  }
  return finish(read, budget);
}

/** The project as a `.zip` archive, its files under a folder named after it. */
export function zipProject(name: string, project: ProjectPart): Uint8Array {
  const folder = exportFileName(name).replace(/\.lua$/, '');
  const entries: Record<string, Uint8Array> = {};
  for (const file of project.files) entries[`${folder}/${file.path}`] = strToU8(file.text);
  return zipSync(entries, { level: 6 });
}

export function downloadProject(name: string, project: ProjectPart): void {
  const bytes = zipProject(name, project);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${exportFileName(name).replace(/\.lua$/, '')}.zip`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
