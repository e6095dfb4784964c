/**
 * A project as the platform lays it out: folders of `_index.yaml` registry files, each with a
 * `namespace` and `entries`, beside the Lua files their `source: file://…` names. parseProject
 * reads them from plain `{path, text}` files, so the page (Web Worker) and the CLI share it;
 * src/project/load-dir.ts reads a directory into such files in Node.
 *
 * What is kept is src/project/spec.ts: the Lua entries, hosts and services; every other kind
 * is left out with a warning, never silently.
 */
import { parse as parseYaml } from 'yaml';
import { isRecord, readEntry, type EntryContext } from './entry-config.ts';
import { folderOf, normalizeProjectPath, resolveInFolder } from './paths.ts';
import {
  IMPLICIT_ENTRY,
  PROCESS_HOST,
  TERMINAL_HOST,
  type Entry,
  type LuaEntry,
  type Project,
} from './spec.ts';

export interface ProjectFile {
  /** Relative to the project's root, `/`-separated. */
  path: string;
  text: string;
}

/** Bounds on what one project may hold; each overrun is a problem naming the bound. */
export interface ProjectLimits {
  /** Files given to parseProject (default 2,000). */
  maxFiles: number;
  /** One file's size in bytes (default 4 MiB). */
  maxFileBytes: number;
  /** All files together (default 32 MiB). */
  maxTotalBytes: number;
  /** Entries over every `_index.yaml` (default 5,000). */
  maxEntries: number;
}

export const DEFAULT_PROJECT_LIMITS: ProjectLimits = {
  maxFiles: 2000,
  maxFileBytes: 4 * 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxEntries: 5000,
};

const INDEX_FILE = '_index.yaml';

export function parseProject(files: ProjectFile[], limits: Partial<ProjectLimits> = {}): Project {
  const bounds = { ...DEFAULT_PROJECT_LIMITS, ...limits };
  const project: Project = { entries: new Map(), problems: [], warnings: [] };
  const byPath = collectFiles(files, bounds, project.problems);
  const indexPaths = [...byPath.keys()]
    .filter((path) => path === INDEX_FILE || path.endsWith(`/${INDEX_FILE}`))
    .sort();
  for (const indexPath of indexPaths) {
    readIndexFile(project, indexPath, byPath, bounds);
  }
  checkReferences(project);
  return project;
}

/** Normalised path → text, within the bounds (what overruns is left out with a problem). */
function collectFiles(
  files: ProjectFile[],
  bounds: ProjectLimits,
  problems: string[],
): Map<string, string> {
  const byPath = new Map<string, string>();
  if (files.length > bounds.maxFiles)
    problems.push(
      `the project has ${files.length} files; the playground reads at most ${bounds.maxFiles}`,
    );
  let total = 0;
  for (const file of files.slice(0, bounds.maxFiles)) {
    const path = normalizeProjectPath(file.path);
    if (path === null) {
      problems.push(`${file.path}: a path outside the project's root`);
      continue;
    }
    const bytes = utf8Length(file.text);
    if (bytes > bounds.maxFileBytes) {
      problems.push(`${path}: ${bytes} bytes, above the ${bounds.maxFileBytes}-byte file limit`);
      continue;
    }
    if (total + bytes > bounds.maxTotalBytes) {
      problems.push(`${path}: left out, the project is above ${bounds.maxTotalBytes} bytes`);
      continue;
    }
    total += bytes;
    byPath.set(path, file.text);
  }
  return byPath;
}

function readIndexFile(
  project: Project,
  indexPath: string,
  byPath: Map<string, string>,
  bounds: ProjectLimits,
): void {
  let doc: unknown;
  try {
    doc = parseYaml(byPath.get(indexPath)!);
  } catch (error) {
    project.problems.push(`${indexPath}: ${(error as Error).message}`);
    return;
  }
  if (!isRecord(doc) || typeof doc.namespace !== 'string' || doc.namespace === '') {
    project.problems.push(
      `${indexPath}: no namespace (an _index.yaml needs namespace and entries)`,
    );
    return;
  }
  if (doc.entries === undefined || doc.entries === null) return;
  if (!Array.isArray(doc.entries)) {
    project.problems.push(`${indexPath}: entries must be a list`);
    return;
  }
  const folder = folderOf(indexPath);
  const context: EntryContext = {
    namespace: doc.namespace,
    indexPath,
    problems: project.problems,
    warnings: project.warnings,
    readSource: (spec) => readSource(spec, folder, byPath),
  };
  for (const raw of doc.entries) {
    if (project.entries.size >= bounds.maxEntries) {
      project.problems.push(
        `${indexPath}: entries left out, the playground reads at most ${bounds.maxEntries}`,
      );
      return;
    }
    const entry = readEntry(raw, context);
    if (!entry) continue;
    const existing = project.entries.get(entry.id);
    if (existing) {
      project.problems.push(`${indexPath}: ${entry.id}: a duplicate id (the first one is kept)`);
      continue;
    }
    project.entries.set(entry.id, entry);
  }
}

/**
 * `file://x.lua` relative to the index file's folder, never outside the root; any other text
 * is the source itself (the platform accepts inline sources).
 */
function readSource(
  spec: string,
  folder: string,
  byPath: Map<string, string>,
): { file: string; text: string } | { problem: string } {
  if (!spec.startsWith('file://')) return { file: `${folder || '.'}/(inline)`, text: spec };
  const relative = spec.slice('file://'.length);
  const file = resolveInFolder(folder, relative);
  if (file === null) return { problem: `${spec} is outside the project` };
  const text = byPath.get(file);
  if (text === undefined) return { problem: `${spec}: no such file (${file})` };
  return { file, text };
}

/** Imports, services' processes and requires that name no entry of the right kind. */
function checkReferences(project: Project): void {
  const kindOf = (id: string) => project.entries.get(id)?.kind;
  for (const entry of project.entries.values()) {
    if (entry.kind === 'process.service') {
      if (kindOf(entry.process) !== 'process.lua')
        project.problems.push(`${entry.id}: process ${entry.process} is not a process.lua entry`);
      for (const dep of entry.requires)
        if (!project.entries.has(dep))
          project.problems.push(`${entry.id}: requires ${dep}, which is not an entry`);
    } else if ('imports' in entry) {
      for (const [alias, target] of Object.entries(entry.imports))
        if (kindOf(target) !== 'library.lua')
          project.problems.push(
            `${entry.id}: import ${alias} names ${target}, which is not a library.lua entry`,
          );
    }
  }
}

function utf8Length(text: string): number {
  // Exact UTF-8 size without TextEncoder allocations for ASCII-only text.
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2;
      i++;
    } else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

/**
 * A lone script as a project: the process.lua entry `app:main` on the implicit hosts, so
 * every example and permalink runs as before (process-model.md §5.1).
 */
export function scriptProject(source: string, file = 'main.lua'): Project {
  const entries = new Map<string, Entry>();
  entries.set(IMPLICIT_ENTRY, {
    id: IMPLICIT_ENTRY,
    kind: 'process.lua',
    meta: {},
    file,
    source,
    method: 'main',
    modules: [],
    imports: {},
  });
  entries.set(PROCESS_HOST, { id: PROCESS_HOST, kind: 'process.host', meta: {} });
  entries.set(TERMINAL_HOST, { id: TERMINAL_HOST, kind: 'terminal.host', meta: {} });
  return { entries, problems: [], warnings: [] };
}

/** The Lua entries of a project (what can be run or imported). */
export function luaEntries(project: Project): LuaEntry[] {
  return [...project.entries.values()].filter((entry): entry is LuaEntry => 'source' in entry);
}

/** Entries `--run` and the page's Run can start: process.lua and function.lua, by id. */
export function runnableEntries(project: Project): LuaEntry[] {
  return luaEntries(project)
    .filter((entry) => entry.kind !== 'library.lua')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The test entries (`function.lua` with `meta.type: test`) as the platform's runner orders
 * them (wippyai/runtime `tests/app/src/runner.lua`): suites by name, then the tests without a
 * suite as `other`; inside a suite by `meta.order` (0 when absent), then by id.
 */
export function testSuites(project: Project): Map<string, LuaEntry[]> {
  const bySuite = new Map<string, LuaEntry[]>();
  const noSuite: LuaEntry[] = [];
  for (const entry of luaEntries(project)) {
    if (entry.kind !== 'function.lua' || entry.meta.type !== 'test') continue;
    const suite = entry.meta.suite;
    if (typeof suite === 'string' && suite !== '') {
      const list = bySuite.get(suite) ?? [];
      list.push(entry);
      bySuite.set(suite, list);
    } else noSuite.push(entry);
  }
  const ordered = new Map<string, LuaEntry[]>();
  for (const name of [...bySuite.keys()].sort()) ordered.set(name, sortTests(bySuite.get(name)!));
  if (noSuite.length > 0) ordered.set('other', sortTests(noSuite));
  return ordered;
}

function sortTests(tests: LuaEntry[]): LuaEntry[] {
  const order = (entry: LuaEntry) => (typeof entry.meta.order === 'number' ? entry.meta.order : 0);
  return tests.sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The libraries an entry can `require`: its imports and, transitively, theirs (one alias map;
 * a later alias does not replace an earlier one). Keys are the aliases.
 */
export function importsOf(project: Project, entry: LuaEntry): Map<string, LuaEntry> {
  const modules = new Map<string, LuaEntry>();
  const pending = [entry];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const current = pending.shift()!;
    if (seen.has(current.id)) continue;
    seen.add(current.id);
    for (const [alias, target] of Object.entries(current.imports)) {
      const imported = project.entries.get(target);
      if (!imported || imported.kind !== 'library.lua') continue;
      if (!modules.has(alias)) modules.set(alias, imported);
      pending.push(imported);
    }
  }
  return modules;
}
