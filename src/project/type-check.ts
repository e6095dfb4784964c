/**
 * A project's type check before a run, by the lone script's rules (src/runtime/type-check.ts):
 * under the `wippy` dialect, `warn` reports each diagnostic as a warning and the run goes
 * ahead, `strict` (or `--strict`) refuses the run before any process starts, `off` checks
 * nothing; a file with syntax errors is left to the loader, whose message names the line.
 *
 * What is checked is every Lua file of the project's process, function and library entries,
 * not only the entry run and its imports: a run may spawn any process entry by name and call
 * any function entry, so each is code the run can load. Each diagnostic is located as
 * `file:line:col:` (the console makes it a link to the file), since a project's line numbers
 * mean nothing without the file.
 */
import { check } from '../dialect/check/checker.ts';
import { typeErrorsMessage, type TypeDiagnostic } from '../dialect/check/diagnostic.ts';
import { parse } from '../dialect/parser.ts';
import { DEFAULT_TYPE_CHECK, type Dialect, type TypeCheckMode } from '../shared/dialect.ts';
import type { LuaFailure, RunObserver } from '../shared/run-events.ts';
import { luaEntries } from './project.ts';
import type { Project } from './spec.ts';

/** A project full of mistakes reports the first ones only (as a lone script does). */
export const MAX_TYPE_REPORTS = 50;

export interface FileDiagnostics {
  file: string;
  diagnostics: TypeDiagnostic[];
}

/** Every run of a project (each test of a suite is one) checks it once. */
const checked = new WeakMap<Project, FileDiagnostics[]>();

/** The diagnostics of each Lua file of the project's entries that has any, by file. */
export function projectTypeDiagnostics(project: Project): FileDiagnostics[] {
  const known = checked.get(project);
  if (known) return known;
  const sources = new Map<string, { file: string; source: string }>();
  for (const entry of luaEntries(project))
    sources.set(`${entry.file}\u0000${entry.source}`, { file: entry.file, source: entry.source });
  const found: FileDiagnostics[] = [];
  for (const { file, source } of [...sources.values()].sort((a, b) =>
    a.file.localeCompare(b.file),
  )) {
    const parsed = parse(source);
    if (parsed.errors.length > 0) continue;
    const { diagnostics } = check(parsed.chunk);
    if (diagnostics.length > 0) found.push({ file, diagnostics });
  }
  checked.set(project, found);
  return found;
}

/** `src/lib.lua:3:10: expected function, got integer (E0002)`, compiler style. */
export function locatedDiagnostic(file: string, d: TypeDiagnostic): string {
  return `${file}:${d.line}:${d.col}: ${d.message} (${d.code})`;
}

function located(found: FileDiagnostics[]): string[] {
  return found
    .flatMap(({ file, diagnostics }) => diagnostics.map((d) => locatedDiagnostic(file, d)))
    .slice(0, MAX_TYPE_REPORTS);
}

export interface ProjectCheckOptions {
  dialect: Dialect;
  typeCheck?: TypeCheckMode;
  /** Every warning is an error (the CLI's `--strict`). */
  strict?: boolean;
}

/**
 * The refusal when the run must not start (strict): the platform's message for the first
 * file (`type errors in src/lib.lua: 3:10 …`) and every diagnostic, located, as its traceback.
 */
export function projectTypeRefusal(
  project: Project,
  options: ProjectCheckOptions,
): { refusal: LuaFailure | null; warnings: string[] } {
  const mode = options.typeCheck ?? DEFAULT_TYPE_CHECK;
  if (options.dialect !== 'wippy' || mode === 'off') return { refusal: null, warnings: [] };
  const found = projectTypeDiagnostics(project);
  if (found.length === 0) return { refusal: null, warnings: [] };
  if (mode !== 'strict' && !options.strict) return { refusal: null, warnings: located(found) };
  const [first, ...others] = found;
  const more = others.length > 0 ? ` (and ${others.length} more file(s))` : '';
  return {
    refusal: {
      message: typeErrorsMessage(first.file, first.diagnostics) + more,
      traceback: located(found).join('\n'),
    },
    warnings: [],
  };
}

/** Check the project before a run: warnings go to `observer`; returns the refusal, if any. */
export function checkProjectBeforeRun(
  project: Project,
  options: ProjectCheckOptions & { observer: RunObserver },
): LuaFailure | null {
  const { refusal, warnings } = projectTypeRefusal(project, options);
  for (const text of warnings) options.observer.output({ stream: 'warn', text, time: Date.now() });
  return refusal;
}
