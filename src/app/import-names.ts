/**
 * The names an imported archive or folder may give its files. A zip names files with `/`
 * (APPNOTE 4.4.17), relative to its root; anything else is a crafted or broken archive and
 * refuses the whole import, named, rather than a file quietly left out: `../` or an absolute
 * path would write outside the project (zip slip), a backslash reads as a folder on one
 * system and as a name on another, and a NUL or control character hides part of the name.
 */
import { normalizePath } from './project-files.ts';

export type NameCheck = { ok: true; path: string } | { ok: false; error: string };

/** A name as the message shows it: control characters visible, long ones cut. */
export function shownName(raw: string): string {
  const visible = raw.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `“${visible.length > 80 ? `${visible.slice(0, 80)}…` : visible}”`;
}

/** Why `raw` must not enter a project (it leaves it, or hides part of itself), or null. */
export function nameRefusal(raw: string): string | null {
  const name = shownName(raw);
  if (raw.includes('\u0000')) return `${name} has a NUL character in its name`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u001f\u007f]/.test(raw)) return `${name} has a control character in its name`;
  if (raw.includes('\\')) return `${name} uses backslashes; names inside a project use /`;
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) return `${name} is an absolute path`;
  if (raw.split('/').includes('..')) return `${name} climbs out of the project with ..`;
  return null;
}

/** `raw` as a project path (`src/cli.lua`), or why it is refused. */
export function checkImportName(raw: string): NameCheck {
  const refusal = nameRefusal(raw);
  if (refusal) return { ok: false, error: refusal };
  const path = normalizePath(raw);
  if (path === null)
    return { ok: false, error: `${shownName(raw)} is not a file name inside the project` };
  return { ok: true, path };
}

/** Hidden files and folders (`.git/…`, macOS's `._x`) are left out unread. */
export function isHidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}
