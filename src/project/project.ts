/**
 * A project as the platform lays it out: folders of `_index.yaml` registry files, each with a
 * `namespace` and `entries` (`name`, `kind`, `meta`, `source: file://…`, `method`,
 * `imports: {alias: namespace:name}`). Only what running Lua entries needs is read: entries of
 * kind `function.lua` and `library.lua`. The seed of the platform's process/project model.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface LuaEntry {
  /** `namespace:name` */
  id: string;
  kind: 'function.lua' | 'library.lua';
  meta: Record<string, unknown>;
  /** The file the source came from (for messages and chunk names). */
  file: string;
  source: string;
  method?: string;
  /** require name → entry id */
  imports: Record<string, string>;
}

export interface Project {
  root: string;
  entries: Map<string, LuaEntry>;
  /** Problems met while reading (a bad file, a missing source); the rest still loads. */
  problems: string[];
}

const MAX_INDEX_FILES = 10_000;
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export function loadProject(root: string): Project {
  const project: Project = { root: resolve(root), entries: new Map(), problems: [] };
  for (const file of findIndexFiles(project.root)) readIndexFile(project, file);
  return project;
}

function findIndexFiles(root: string): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0 && found.length < MAX_INDEX_FILES) {
    const dir = pending.pop()!;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory() && !name.startsWith('.') && name !== 'node_modules')
        pending.push(path);
      else if (name === '_index.yaml') found.push(path);
    }
  }
  return found.sort();
}

function readIndexFile(project: Project, file: string): void {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    project.problems.push(`${file}: ${(error as Error).message}`);
    return;
  }
  if (!isRecord(doc) || typeof doc.namespace !== 'string' || !Array.isArray(doc.entries)) return;
  for (const raw of doc.entries) {
    if (!isRecord(raw) || typeof raw.name !== 'string') continue;
    if (raw.kind !== 'function.lua' && raw.kind !== 'library.lua') continue;
    const id = `${doc.namespace}:${raw.name}`;
    const source = readSource(project, file, raw.source);
    if (source === null) continue;
    project.entries.set(id, {
      id,
      kind: raw.kind,
      meta: isRecord(raw.meta) ? raw.meta : {},
      file: source.file,
      source: source.text,
      method: typeof raw.method === 'string' ? raw.method : undefined,
      imports: stringMap(raw.imports),
    });
  }
}

/** `file://name.lua`, relative to the index file; never outside the project's root. */
function readSource(
  project: Project,
  indexFile: string,
  spec: unknown,
): { file: string; text: string } | null {
  if (typeof spec !== 'string' || !spec.startsWith('file://')) {
    project.problems.push(`${indexFile}: an entry without a file:// source`);
    return null;
  }
  const file = resolve(dirname(indexFile), spec.slice('file://'.length));
  if (file !== project.root && !file.startsWith(project.root + sep)) {
    project.problems.push(`${indexFile}: ${spec} is outside the project`);
    return null;
  }
  try {
    if (statSync(file).size > MAX_SOURCE_BYTES) throw new Error('larger than 4 MiB');
    return { file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    project.problems.push(`${indexFile}: ${spec}: ${(error as Error).message}`);
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, target] of Object.entries(value))
    if (typeof target === 'string') out[key] = target;
  return out;
}

/** The test entries (`meta.type: test`), grouped by `meta.suite`, in file order. */
export function testSuites(project: Project): Map<string, LuaEntry[]> {
  const suites = new Map<string, LuaEntry[]>();
  for (const entry of project.entries.values()) {
    if (entry.kind !== 'function.lua' || entry.meta.type !== 'test') continue;
    const suite = typeof entry.meta.suite === 'string' ? entry.meta.suite : '(no suite)';
    const list = suites.get(suite) ?? [];
    list.push(entry);
    suites.set(suite, list);
  }
  return suites;
}

/**
 * The modules an entry can `require`: its imports and, transitively, theirs (one alias map; a
 * later alias does not replace an earlier one). Keys are require names.
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
      if (!imported) continue;
      if (!modules.has(alias)) modules.set(alias, imported);
      pending.push(imported);
    }
  }
  return modules;
}
