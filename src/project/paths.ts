/**
 * Project paths without node:path (parseProject also runs in the Web Worker): always `/`
 * separated and relative to the project's root, which no path may leave.
 */

/** `a\b//./c` → `a/b/c`; null when `..` would climb above the root or the path is absolute. */
export function normalizeProjectPath(path: string): string | null {
  const unified = path.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[A-Za-z]:\//.test(unified)) return null;
  const parts: string[] = [];
  for (const part of unified.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** The folder of a project path (`''` at the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The last segment of a project path (a chunk name). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `relative` (from an `_index.yaml`'s `file://`) inside `folder`; null when it leaves the root. */
export function resolveInFolder(folder: string, relative: string): string | null {
  if (relative.startsWith('/') || /^[A-Za-z]:[\\/]/.test(relative)) return null;
  return normalizeProjectPath(folder === '' ? relative : `${folder}/${relative}`);
}
