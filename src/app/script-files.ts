/** A script to and from a `.lua` file: the download's name, and reading an imported file. */

/** Larger than any script a person writes; a bigger file is most likely not a script. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** A file name for the script's name: letters, digits, `-`, `_`, `.` kept, the rest `-`. */
export function exportFileName(name: string): string {
  const base = name
    .replace(/\.lua$/i, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|-+$/g, '');
  return `${base || 'script'}.lua`;
}

/** The script name an imported file gets: its name without `.lua`. */
export function importedName(fileName: string): string {
  return fileName.replace(/\.lua$/i, '').trim() || 'Imported';
}

export type ImportRead = { ok: true; name: string; code: string } | { ok: false; error: string };

export async function readImport(file: File): Promise<ImportRead> {
  if (file.size > MAX_IMPORT_BYTES)
    return { ok: false, error: `${file.name} is larger than 1 MiB; is it a Lua script?` };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const code = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, name: importedName(file.name), code };
  } catch {
    return { ok: false, error: `${file.name} is not UTF-8 text` };
  }
}

export function downloadScript(name: string, code: string): void {
  const url = URL.createObjectURL(new Blob([code], { type: 'text/x-lua;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(name);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
