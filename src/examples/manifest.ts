/**
 * The examples gallery's manifest (public/examples/index.json): each example's name (its
 * file is `<name>.lua`), title, description, and snippets its output contains when it runs
 * against the demo servers (the e2e suite checks them).
 *
 * The snippets are written as the platform prints (issue 18: `print` joins its arguments with
 * one space), and the examples print only strings and numbers that read the same in both
 * dialects (a boolean goes through `tostring`: the platform's print writes it as ''). Lua 5.3
 * joins with a tab, so a check reads the output through `comparableOutput`, and the same
 * snippets hold under `wippy` and `lua53`.
 *
 * A project example (`project`: the platform's process tutorials) is a folder
 * `examples/<name>/` of `_index.yaml` and Lua files; it opens as a project with `open` shown
 * and runs its entry (`entry`) against the process node.
 */
import { normalizePath, type ProjectPart } from '../app/project-files.ts';

export interface ExampleEntry {
  name: string;
  title: string;
  description: string;
  /** "original": from the original doc page; "more": the playground's own. */
  group: 'original' | 'more';
  expected: string[];
  /** Set for a project example: its files (paths in its folder), the one shown, the entry. */
  project?: { files: string[]; open: string; entry?: string };
}

export interface ExampleManifest {
  version: 1;
  examples: ExampleEntry[];
}

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** An example's output as the snippets are written: print's tab (Lua 5.3) read as a space. */
export function comparableOutput(text: string): string {
  return text.replace(/\t/g, ' ');
}

/** Validate the manifest; entries that are not well-formed are left out, never half-read. */
export function parseManifest(raw: unknown): ExampleManifest {
  const examples: ExampleEntry[] = [];
  const list = (raw as { examples?: unknown } | null)?.examples;
  if (Array.isArray(list)) {
    for (const e of list as Record<string, unknown>[]) {
      if (
        e &&
        typeof e.name === 'string' &&
        NAME.test(e.name) &&
        typeof e.title === 'string' &&
        typeof e.description === 'string' &&
        Array.isArray(e.expected) &&
        e.expected.every((s) => typeof s === 'string')
      ) {
        const project = readProjectSpec(e.project);
        if (e.project !== undefined && !project) continue;
        examples.push({
          name: e.name,
          title: e.title,
          description: e.description,
          group: e.group === 'more' ? 'more' : 'original',
          expected: e.expected as string[],
          ...(project ? { project } : {}),
        });
      }
    }
  }
  return { version: 1, examples };
}

/** A project example's file list: clean relative paths only, and `open` among them. */
function readProjectSpec(raw: unknown): ExampleEntry['project'] | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { files, open, entry } = raw as Record<string, unknown>;
  if (!Array.isArray(files) || files.length === 0) return undefined;
  if (!files.every((f) => typeof f === 'string' && normalizePath(f) === f)) return undefined;
  if (typeof open !== 'string' || !files.includes(open)) return undefined;
  return {
    files: files as string[],
    open,
    ...(typeof entry === 'string' ? { entry } : {}),
  };
}

const base = () => (typeof import.meta.env === 'object' ? import.meta.env.BASE_URL : '/') ?? '/';

export async function fetchManifest(fetchFn: typeof fetch = fetch): Promise<ExampleManifest> {
  const res = await fetchFn(`${base()}examples/index.json`);
  if (!res.ok) throw new Error(`examples/index.json: HTTP ${res.status}`);
  return parseManifest(await res.json());
}

export async function fetchExample(name: string, fetchFn: typeof fetch = fetch): Promise<string> {
  if (!NAME.test(name)) throw new Error(`no example named "${name}"`);
  const res = await fetchFn(`${base()}examples/${name}.lua`);
  const type = res.headers.get('content-type') ?? '';
  // A dev server answers unknown paths with index.html; that is not an example.
  if (!res.ok || type.includes('text/html')) throw new Error(`no example named "${name}"`);
  return res.text();
}

/** A project example's files, fetched from its folder, as a project to open. */
export async function fetchProjectExample(
  example: ExampleEntry,
  fetchFn: typeof fetch = fetch,
): Promise<ProjectPart> {
  const spec = example.project;
  if (!spec) throw new Error(`${example.name} is not a project example`);
  const files = await Promise.all(
    spec.files.map(async (path) => {
      const res = await fetchFn(`${base()}examples/${example.name}/${path}`);
      const type = res.headers.get('content-type') ?? '';
      if (!res.ok || type.includes('text/html'))
        throw new Error(`example ${example.name}: ${path} is missing`);
      return { path, text: await res.text() };
    }),
  );
  return { files, activePath: spec.open, ...(spec.entry ? { entry: spec.entry } : {}) };
}
