/**
 * The entries Run can start in a project, read from its `_index.yaml` files: every
 * `process.lua` and `function.lua` entry, with the file its `source: file://…` names (resolved
 * beside the yaml file, as on the platform). Only what the entry picker needs; the full
 * reading (modules, imports, services, problems) is the node's (src/project/project.ts), which
 * the worker runs and which reports what is wrong with a project when it runs.
 */
import { parse as parseYaml } from 'yaml';
import type { ProjectFile } from './project-files.ts';
import { normalizePath } from './project-files.ts';

export interface RunnableEntry {
  /** `namespace:name` */
  id: string;
  kind: 'process.lua' | 'function.lua';
  /** The project path of its source file, when it names one in the project. */
  file?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** Runnable entries in file order; a yaml file that does not parse is skipped here. */
export function runnableEntries(files: readonly ProjectFile[]): RunnableEntry[] {
  const found: RunnableEntry[] = [];
  for (const file of files) {
    if (file.path !== '_index.yaml' && !file.path.endsWith('/_index.yaml')) continue;
    let doc: unknown;
    try {
      doc = parseYaml(file.text);
    } catch {
      continue;
    }
    if (!isRecord(doc) || typeof doc.namespace !== 'string' || !Array.isArray(doc.entries))
      continue;
    for (const raw of doc.entries) {
      if (!isRecord(raw) || typeof raw.name !== 'string') continue;
      if (raw.kind !== 'process.lua' && raw.kind !== 'function.lua') continue;
      const entry: RunnableEntry = { id: `${doc.namespace}:${raw.name}`, kind: raw.kind };
      if (typeof raw.source === 'string' && raw.source.startsWith('file://')) {
        const folder = folderOf(file.path);
        const relative = raw.source.slice('file://'.length);
        const path = normalizePath(folder ? `${folder}/${relative}` : relative);
        if (path) entry.file = path;
      }
      found.push(entry);
    }
  }
  return found;
}

/** The entry whose source is `path` (the first, when several share a file). */
export function entryOfFile(entries: readonly RunnableEntry[], path: string): string | undefined {
  return entries.find((e) => e.file === path)?.id;
}

/**
 * The entry Run starts: the one chosen (if it still exists), else the active file's, else the
 * first process.lua, else the first entry.
 */
export function entryToRun(
  entries: readonly RunnableEntry[],
  chosen: string | undefined,
  activePath: string,
): string | undefined {
  if (chosen && entries.some((e) => e.id === chosen)) return chosen;
  return (
    entryOfFile(entries, activePath) ??
    entries.find((e) => e.kind === 'process.lua')?.id ??
    entries[0]?.id
  );
}
