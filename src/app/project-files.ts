/**
 * A project's files as the page keeps them: paths relative to the project's root
 * (`src/_index.yaml`, `src/cli.lua`), the file open in the editor, and the entry Run starts.
 * Pure functions over immutable values; the script store (script-store.ts) holds a project in
 * place of a script's single text, so a project is persisted, deleted and restored as one.
 */
import type { CursorPosition } from './script-store.ts';

export interface ProjectFile {
  path: string;
  text: string;
  cursor?: CursorPosition;
}

export interface ProjectPart {
  files: ProjectFile[];
  /** The file shown in the editor. */
  activePath: string;
  /**
   * The entry Run starts (`namespace:name`): set when the person picks one, and when they open
   * a file that is an entry's source (project-entries.ts), so it follows the active tab.
   */
  entry?: string;
}

/** A person's project is small; more is most likely a folder picked by mistake. */
export const MAX_PROJECT_FILES = 200;
export const MAX_PROJECT_BYTES = 4 * 1024 * 1024;
const MAX_PATH = 200;

/**
 * A clean relative path (`a/b.lua`), or null: backslashes read as slashes, `.` parts dropped,
 * no `..`, no empty part, nothing absolute. Every path that enters a project goes through here,
 * so an archive cannot name a file outside the project (zip slip).
 */
export function normalizePath(path: string): string | null {
  const parts = path.replace(/\\/g, '/').split('/');
  const kept: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    kept.push(part);
  }
  if (/^[a-zA-Z]:/.test(path) || path.startsWith('/')) return null;
  const clean = kept.join('/');
  return clean && clean.length <= MAX_PATH ? clean : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A stored project, or undefined when it is not well-formed (the script is then read as a script). */
export function readProject(raw: unknown): ProjectPart | undefined {
  if (!isObject(raw) || !Array.isArray(raw.files)) return undefined;
  const files: ProjectFile[] = [];
  const seen = new Set<string>();
  for (const entry of raw.files) {
    if (!isObject(entry) || typeof entry.path !== 'string' || typeof entry.text !== 'string')
      continue;
    const path = normalizePath(entry.path);
    if (!path || seen.has(path)) continue;
    seen.add(path);
    const file: ProjectFile = { path, text: entry.text };
    const cursor = entry.cursor;
    if (isObject(cursor) && Number.isInteger(cursor.line) && Number.isInteger(cursor.column))
      file.cursor = { line: Number(cursor.line), column: Number(cursor.column) };
    files.push(file);
  }
  if (files.length === 0) return undefined;
  const activePath =
    typeof raw.activePath === 'string' && seen.has(raw.activePath) ? raw.activePath : files[0].path;
  return {
    files,
    activePath,
    ...(typeof raw.entry === 'string' && raw.entry ? { entry: raw.entry } : {}),
  };
}

export function activeFile(project: ProjectPart): ProjectFile {
  return project.files.find((f) => f.path === project.activePath) ?? project.files[0];
}

function replaceFile(project: ProjectPart, path: string, next: ProjectFile): ProjectPart {
  return { ...project, files: project.files.map((f) => (f.path === path ? next : f)) };
}

export function setFileText(project: ProjectPart, text: string): ProjectPart {
  const file = activeFile(project);
  return file.text === text ? project : replaceFile(project, file.path, { ...file, text });
}

/** The cursor of file `path` (the open file when absent); a file no longer there is left. */
export function setFileCursor(
  project: ProjectPart,
  cursor: CursorPosition,
  path = project.activePath,
): ProjectPart {
  const file = project.files.find((f) => f.path === path);
  return file ? replaceFile(project, file.path, { ...file, cursor }) : project;
}

/** Open another file; `entry` is the entry whose source it is, if any. */
export function selectFile(project: ProjectPart, path: string, entry?: string): ProjectPart {
  if (!project.files.some((f) => f.path === path)) return project;
  return { ...project, activePath: path, ...(entry ? { entry } : {}) };
}

export function chooseEntry(project: ProjectPart, entry: string): ProjectPart {
  return project.entry === entry ? project : { ...project, entry };
}

export type FileChange = { ok: true; project: ProjectPart } | { ok: false; error: string };

/** A new empty file, opened. */
export function addFile(project: ProjectPart, rawPath: string, text = ''): FileChange {
  const path = normalizePath(rawPath.trim());
  if (!path) return { ok: false, error: `“${rawPath}” is not a file name inside the project` };
  if (project.files.some((f) => f.path === path))
    return { ok: false, error: `${path} is already in the project` };
  if (project.files.length >= MAX_PROJECT_FILES)
    return { ok: false, error: `a project holds at most ${MAX_PROJECT_FILES} files` };
  return {
    ok: true,
    project: { ...project, files: [...project.files, { path, text }], activePath: path },
  };
}

/** Remove a file; the last file of a project stays (delete the project instead). */
export function removeFile(project: ProjectPart, path: string): FileChange {
  const index = project.files.findIndex((f) => f.path === path);
  if (index < 0) return { ok: true, project };
  if (project.files.length === 1)
    return { ok: false, error: 'a project keeps at least one file; delete the project instead' };
  const files = project.files.filter((f) => f.path !== path);
  const activePath =
    project.activePath === path
      ? files[Math.min(index, files.length - 1)].path
      : project.activePath;
  return { ok: true, project: { ...project, files, activePath } };
}

/**
 * Files read from a folder or an archive as a project: paths cleaned, one shared top folder
 * removed (a folder picked as `echo-service/` gives `src/_index.yaml`), sorted, and the first
 * Lua file that an `_index.yaml` sits beside opened. Refused when nothing is left or too much.
 */
export function projectFromFiles(
  raw: Array<{ path: string; text: string }>,
): { ok: true; project: ProjectPart; skipped: string[] } | { ok: false; error: string } {
  const skipped: string[] = [];
  let files: ProjectFile[] = [];
  for (const { path, text } of raw) {
    const clean = normalizePath(path);
    if (clean && !clean.split('/').some((part) => part.startsWith('.')))
      files.push({ path: clean, text });
    else skipped.push(path);
  }
  const tops = new Set(files.map((f) => f.path.split('/')[0]));
  if (tops.size === 1 && files.every((f) => f.path.includes('/'))) {
    const top = [...tops][0].length + 1;
    files = files.map((f) => ({ ...f, path: f.path.slice(top) }));
  }
  if (files.length === 0) return { ok: false, error: 'no text files were found' };
  if (files.length > MAX_PROJECT_FILES)
    return {
      ok: false,
      error: `${files.length} files; a project holds at most ${MAX_PROJECT_FILES}`,
    };
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  if (bytes > MAX_PROJECT_BYTES)
    return { ok: false, error: 'the files are larger than 4 MiB in all' };
  files.sort((a, b) => a.path.localeCompare(b.path));
  const luaFile = files.find((f) => f.path.endsWith('.lua'));
  return { ok: true, project: { files, activePath: (luaFile ?? files[0]).path }, skipped };
}

/**
 * A tab's label for each path: the file name, or, where names repeat (every folder has its
 * `_index.yaml`), the folders it takes to tell them apart (`supervisor/_index.yaml`).
 */
export function fileLabels(paths: readonly string[]): Map<string, string> {
  const labels = new Map<string, string>();
  const parts = paths.map((path) => path.split('/'));
  for (let i = 0; i < paths.length; i++) {
    let depth = 1;
    const tail = (p: string[], n: number) => p.slice(-n).join('/');
    while (
      depth < parts[i].length &&
      parts.some((other, j) => j !== i && tail(other, depth) === tail(parts[i], depth))
    )
      depth++;
    labels.set(paths[i], tail(parts[i], depth));
  }
  return labels;
}
