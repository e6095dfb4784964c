/**
 * A project to and from the person's disk: a `.zip` archive (fflate) or a folder picked with
 * `<input webkitdirectory>`. Files are text; one that is not UTF-8 (an image, a lock file in a
 * binary format) is left out and named, never read as garbage. Sizes are checked before
 * anything is inflated, so a zip bomb is refused from its directory alone.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import {
  MAX_PROJECT_BYTES,
  MAX_PROJECT_FILES,
  projectFromFiles,
  type ProjectPart,
} from './project-files.ts';
import { exportFileName } from './script-files.ts';

export type ProjectRead =
  { ok: true; project: ProjectPart; skipped: string[] } | { ok: false; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function finish(files: Array<{ path: string; text: string }>, skipped: string[]): ProjectRead {
  const read = projectFromFiles(files);
  return read.ok ? { ...read, skipped: [...skipped, ...read.skipped] } : read;
}

/** The project in a `.zip` archive's bytes. */
export function readZip(bytes: Uint8Array): ProjectRead {
  let count = 0;
  let total = 0;
  let tooBig = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      // Sizes from the directory, before inflating: too many or too large refuses it all.
      filter: (file) => {
        if (file.name.endsWith('/')) return false;
        count++;
        total += file.originalSize;
        if (count > MAX_PROJECT_FILES * 5 || total > MAX_PROJECT_BYTES) tooBig = true;
        return !tooBig;
      },
    });
  } catch (e) {
    return { ok: false, error: `not a zip archive (${(e as Error).message})` };
  }
  if (tooBig)
    return { ok: false, error: 'the archive is larger than 4 MiB or holds too many files' };
  const files: Array<{ path: string; text: string }> = [];
  const skipped: string[] = [];
  for (const [path, data] of Object.entries(entries)) {
    const content = text(data);
    if (content === null) skipped.push(path);
    else files.push({ path, text: content });
  }
  return finish(files, skipped);
}

/** The project in a folder the person picked (each File's `webkitRelativePath`). */
export async function readFolder(list: ArrayLike<File>): Promise<ProjectRead> {
  const picked = Array.from(list);
  const total = picked.reduce((n, f) => n + f.size, 0);
  if (picked.length > MAX_PROJECT_FILES * 5 || total > MAX_PROJECT_BYTES * 2)
    return { ok: false, error: 'the folder is larger than 4 MiB or holds too many files' };
  const files: Array<{ path: string; text: string }> = [];
  const skipped: string[] = [];
  for (const file of picked) {
    const path = file.webkitRelativePath || file.name;
    // Hidden folders (.git) are skipped by projectFromFiles; not read at all here.
    if (path.split('/').some((part) => part.startsWith('.'))) {
      skipped.push(path);
      continue;
    }
    const content = text(new Uint8Array(await file.arrayBuffer()));
    if (content === null) skipped.push(path);
    else files.push({ path, text: content });
  }
  return finish(files, skipped);
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
