/**
 * The entries Run can start in a project, as the node reads them (src/project/project.ts
 * `parseProject`): every `process.lua` and `function.lua` entry, with its source file, and what
 * kept a file or an entry out (problems) or is read but not emulated (warnings), for the
 * project bar to say before a run does.
 */
import { parseProject, runnableEntries } from '../project/project.ts';
import type { ProjectFile } from './project-files.ts';

export interface RunnableEntry {
  /** `namespace:name` */
  id: string;
  kind: 'process.lua' | 'function.lua';
  /** The project path of its source file. */
  file: string;
  /**
   * The auto-started `process.service` that runs it, if any: it starts with every run, so
   * opening its file does not make it the entry (a second copy would fight the service's).
   */
  service?: string;
}

export interface ProjectEntries {
  /** By id. */
  entries: RunnableEntry[];
  problems: string[];
  warnings: string[];
}

export function readProjectEntries(files: readonly ProjectFile[]): ProjectEntries {
  const project = parseProject(files.map(({ path, text }) => ({ path, text })));
  const services = new Map<string, string>();
  for (const entry of project.entries.values())
    if (entry.kind === 'process.service' && entry.autoStart) services.set(entry.process, entry.id);
  const entries = runnableEntries(project).map((entry) => {
    const service = services.get(entry.id);
    return {
      id: entry.id,
      kind: entry.kind as RunnableEntry['kind'],
      file: entry.file,
      ...(service ? { service } : {}),
    };
  });
  return { entries, problems: project.problems, warnings: project.warnings };
}

/** The entry whose source is `path` (the first, when several share a file), not a service's. */
export function entryOfFile(entries: readonly RunnableEntry[], path: string): string | undefined {
  return entries.find((e) => e.file === path && !e.service)?.id;
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
    entries.find((e) => e.kind === 'process.lua' && !e.service)?.id ??
    entries[0]?.id
  );
}
