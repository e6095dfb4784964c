/**
 * The person's scripts, kept in the browser: several named scripts, the open one, and the
 * recently deleted ones (restorable for a week). Pure functions over an immutable state; the
 * storage is passed in (STYLE habit 7), and writing reports a full or disabled storage instead
 * of losing the scripts silently.
 *
 * A script may be a project (project-files.ts): several files in place of one text; its `code`
 * is then empty and the editor shows the project's active file (`editorText`).
 *
 * Versions (STYLE habit 8: keep reading old versions):
 *   v2  same key, { version: 2, … }: a script may carry `project`. Written as v2 so that an
 *       older playground in another tab, which would drop the projects when it saves, reads it
 *       as newer and never writes over it.
 *   v1  `lua-playground.scripts.v1`: { version: 1, scripts, activeId, deleted }.
 *   v0  `lua-playground.draft.v1`: the one draft's text, read once as the first script
 *       ("My draft") when no v1 state exists; left in place, never written again.
 * A state written by a newer playground is read as nothing and never overwritten.
 */

import { activeFile, readProject, setFileCursor, setFileText } from './project-files.ts';
import type { ProjectPart } from './project-files.ts';

export const SCRIPTS_KEY = 'lua-playground.scripts.v1';
export const LEGACY_DRAFT_KEY = 'lua-playground.draft.v1';
export const SCRIPTS_VERSION = 2;
/** More scripts than this is a sign of something looping; a person can delete or export. */
export const MAX_SCRIPTS = 100;
export const MAX_DELETED = 20;
export const DELETED_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_NAME = 60;

export type ScriptOrigin =
  | { kind: 'draft' }
  | { kind: 'new' }
  | { kind: 'example'; name: string }
  | { kind: 'permalink' }
  | { kind: 'import' }
  | { kind: 'sample' };

export interface CursorPosition {
  line: number;
  column: number;
}

export interface Script {
  id: string;
  name: string;
  code: string;
  origin: ScriptOrigin;
  updatedAt: number;
  cursor?: CursorPosition;
  /** Set for a project: its files, the open one, the entry Run starts. */
  project?: ProjectPart;
}

export interface DeletedScript {
  script: Script;
  deletedAt: number;
}

export interface ScriptsState {
  version: typeof SCRIPTS_VERSION;
  scripts: Script[];
  activeId: string;
  deleted: DeletedScript[];
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface LoadedScripts {
  state: ScriptsState;
  /** False when the stored state came from a newer playground: saving would destroy it. */
  writable: boolean;
  /** Why the stored scripts could not be read, for a notice. */
  problem: string | null;
}

// ---- reading -------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function readOrigin(raw: unknown): ScriptOrigin {
  if (!isObject(raw)) return { kind: 'new' };
  if (raw.kind === 'example' && typeof raw.name === 'string')
    return { kind: 'example', name: raw.name };
  if (
    raw.kind === 'draft' ||
    raw.kind === 'permalink' ||
    raw.kind === 'import' ||
    raw.kind === 'sample'
  )
    return { kind: raw.kind };
  return { kind: 'new' };
}

function readCursor(raw: unknown): CursorPosition | undefined {
  if (!isObject(raw)) return undefined;
  const { line, column } = raw;
  return Number.isInteger(line) && Number.isInteger(column) && Number(line) > 0
    ? { line: Number(line), column: Math.max(1, Number(column)) }
    : undefined;
}

/** One stored script, or null when it is not well-formed (left out, never half-read). */
function readScript(raw: unknown): Script | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || typeof raw.code !== 'string') return null;
  const cursor = readCursor(raw.cursor);
  const project = readProject(raw.project);
  return {
    id: raw.id,
    name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : 'Untitled',
    code: raw.code,
    origin: readOrigin(raw.origin),
    updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : 0,
    ...(cursor ? { cursor } : {}),
    ...(project ? { project } : {}),
  };
}

function readState(raw: unknown): ScriptsState | null {
  if (!isObject(raw) || !Array.isArray(raw.scripts)) return null;
  const seen = new Set<string>();
  const scripts: Script[] = [];
  for (const entry of raw.scripts) {
    const script = readScript(entry);
    if (script && !seen.has(script.id)) {
      seen.add(script.id);
      scripts.push(script);
    }
  }
  const deleted: DeletedScript[] = [];
  for (const entry of Array.isArray(raw.deleted) ? raw.deleted : []) {
    const script = isObject(entry) ? readScript(entry.script) : null;
    if (script && typeof entry.deletedAt === 'number' && !seen.has(script.id)) {
      seen.add(script.id);
      deleted.push({ script, deletedAt: entry.deletedAt });
    }
  }
  if (scripts.length === 0) return null;
  const activeId =
    typeof raw.activeId === 'string' && scripts.some((s) => s.id === raw.activeId)
      ? raw.activeId
      : scripts[0].id;
  return { version: SCRIPTS_VERSION, scripts, activeId, deleted };
}

function freshState(code: string, origin: ScriptOrigin, name: string, now: number): ScriptsState {
  const script: Script = { id: newId([], now), name, code, origin, updatedAt: now };
  return { version: SCRIPTS_VERSION, scripts: [script], activeId: script.id, deleted: [] };
}

/**
 * The stored scripts, else the old single draft as "My draft", else one script with
 * `defaultCode`. Never throws: storage that cannot be read yields a fresh state.
 */
export function loadScripts(
  storage: StorageLike | null,
  defaultCode: string,
  now: number,
): LoadedScripts {
  let text: string | null = null;
  let legacy: string | null = null;
  try {
    text = storage?.getItem(SCRIPTS_KEY) ?? null;
    legacy = text === null ? (storage?.getItem(LEGACY_DRAFT_KEY) ?? null) : null;
  } catch {
    // Storage disabled (some private windows): scripts last for this page only.
  }
  if (text !== null) {
    let raw: unknown = null;
    try {
      raw = JSON.parse(text);
    } catch {
      // Damaged JSON: read as nothing, reported below.
    }
    const version = isObject(raw) ? raw.version : undefined;
    if (typeof version === 'number' && version > SCRIPTS_VERSION) {
      return {
        state: freshState(defaultCode, { kind: 'new' }, 'Untitled', now),
        writable: false,
        problem: `your saved scripts were written by a newer playground (v${version}); changes here are not saved`,
      };
    }
    const state = readState(raw);
    if (state) return { state: pruneDeleted(state, now), writable: true, problem: null };
    return {
      state: freshState(defaultCode, { kind: 'new' }, 'Untitled', now),
      writable: true,
      problem: 'your saved scripts could not be read and were replaced by a new one',
    };
  }
  const state =
    legacy !== null
      ? freshState(legacy, { kind: 'draft' }, 'My draft', now)
      : freshState(defaultCode, { kind: 'new' }, 'Untitled', now);
  return { state, writable: true, problem: null };
}

/** Write the state; returns why it could not be saved (quota, disabled storage), else null. */
export function saveScripts(state: ScriptsState, storage: StorageLike | null): string | null {
  if (!storage) return 'browser storage is not available in this window';
  try {
    storage.setItem(SCRIPTS_KEY, JSON.stringify(state));
    return null;
  } catch (e) {
    const name = (e as { name?: string }).name;
    return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED'
      ? 'browser storage is full'
      : `browser storage refused the write (${String((e as Error).message ?? e)})`;
  }
}

// ---- changing ------------------------------------------------------------------------------

function newId(taken: readonly { id: string }[], now: number): string {
  const base = `s${now.toString(36)}`;
  let id = base;
  for (let n = 2; taken.some((s) => s.id === id); n++) id = `${base}-${n}`;
  return id;
}

const allIds = (state: ScriptsState) => [...state.scripts, ...state.deleted.map((d) => d.script)];

/** `base`, or `base (2)`, `base (3)`… so no two open scripts share a name. */
export function uniqueName(scripts: readonly Script[], base: string, exceptId?: string): string {
  const clean = base.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME) || 'Untitled';
  const taken = new Set(scripts.filter((s) => s.id !== exceptId).map((s) => s.name));
  if (!taken.has(clean)) return clean;
  let n = 2;
  while (taken.has(`${clean} (${n})`)) n++;
  return `${clean} (${n})`;
}

export function activeScript(state: ScriptsState): Script {
  return state.scripts.find((s) => s.id === state.activeId) ?? state.scripts[0];
}

/** The text the editor shows: a script's code, or its project's open file. */
export function editorText(script: Script): string {
  return script.project ? activeFile(script.project).text : script.code;
}

export function editorCursor(script: Script): CursorPosition | undefined {
  return script.project ? activeFile(script.project).cursor : script.cursor;
}

/** What the editor shows, as a key: a change of it moves the editor to another text. */
export function editorKey(state: ScriptsState): string {
  const script = activeScript(state);
  return script.project ? `${script.id}\n${script.project.activePath}` : script.id;
}

export interface NewScript {
  name: string;
  code: string;
  origin: ScriptOrigin;
  project?: ProjectPart;
}

export type AddResult =
  { ok: true; state: ScriptsState; id: string } | { ok: false; error: string };

/** A new script, opened. */
export function addScript(state: ScriptsState, script: NewScript, now: number): AddResult {
  if (state.scripts.length >= MAX_SCRIPTS)
    return { ok: false, error: `${MAX_SCRIPTS} scripts are open: delete or export some first` };
  const id = newId(allIds(state), now);
  const added: Script = {
    id,
    name: uniqueName(state.scripts, script.name),
    code: script.code,
    origin: script.origin,
    updatedAt: now,
    ...(script.project ? { project: script.project } : {}),
  };
  return { ok: true, id, state: { ...state, scripts: [...state.scripts, added], activeId: id } };
}

/**
 * Open `code` (a permalink, an example at load): select a script with the same origin and the
 * same code if one is open (a reload of the same link), else add it.
 */
export function openOrAdd(state: ScriptsState, script: NewScript, now: number): AddResult {
  const files = (s: { project?: ProjectPart }) =>
    JSON.stringify(s.project?.files.map((f) => [f.path, f.text]) ?? null);
  const same = state.scripts.find(
    (s) =>
      s.code === script.code &&
      files(s) === files(script) &&
      JSON.stringify(s.origin) === JSON.stringify(script.origin),
  );
  if (same) return { ok: true, id: same.id, state: selectScript(state, same.id) };
  return addScript(state, script, now);
}

export function selectScript(state: ScriptsState, id: string): ScriptsState {
  return state.scripts.some((s) => s.id === id) && state.activeId !== id
    ? { ...state, activeId: id }
    : state;
}

export function updateScript(
  state: ScriptsState,
  id: string,
  patch: {
    code?: string;
    name?: string;
    cursor?: CursorPosition;
    /** For a project: the file `cursor` was in (default: the open file). */
    cursorPath?: string;
    /** A project's change (project-files.ts); `code` and `cursor` go to its open file. */
    project?: (project: ProjectPart) => ProjectPart;
  },
  now: number,
): ScriptsState {
  const index = state.scripts.findIndex((s) => s.id === id);
  if (index < 0) return state;
  const current = state.scripts[index];
  const next: Script = { ...current };
  if (current.project) {
    let project = patch.project ? patch.project(current.project) : current.project;
    if (patch.code !== undefined) project = setFileText(project, patch.code);
    if (patch.cursor) project = setFileCursor(project, patch.cursor, patch.cursorPath);
    if (project !== current.project) {
      if (project.files !== current.project.files) next.updatedAt = now;
      next.project = project;
    }
  } else {
    if (patch.code !== undefined && patch.code !== current.code) {
      next.code = patch.code;
      next.updatedAt = now;
    }
    if (patch.cursor) next.cursor = patch.cursor;
  }
  if (patch.name !== undefined) next.name = uniqueName(state.scripts, patch.name, id);
  const scripts = state.scripts.slice();
  scripts[index] = next;
  return { ...state, scripts };
}

/**
 * Move a script to the recently deleted list. The neighbour to its right (else left) opens;
 * deleting the last script leaves one empty "Untitled" script, as an editor always has one.
 */
export function deleteScript(state: ScriptsState, id: string, now: number): ScriptsState {
  const index = state.scripts.findIndex((s) => s.id === id);
  if (index < 0) return state;
  const deleted = [{ script: state.scripts[index], deletedAt: now }, ...state.deleted].slice(
    0,
    MAX_DELETED,
  );
  let scripts = state.scripts.filter((s) => s.id !== id);
  if (scripts.length === 0) {
    const ids = [...state.scripts, ...deleted.map((d) => d.script)];
    scripts = [
      { id: newId(ids, now), name: 'Untitled', code: '', origin: { kind: 'new' }, updatedAt: now },
    ];
  }
  const activeId =
    state.activeId === id ? scripts[Math.min(index, scripts.length - 1)].id : state.activeId;
  return { ...state, scripts, activeId, deleted };
}

/** Bring a deleted script back, opened, at the end of the list (renamed if its name is taken). */
export function restoreScript(state: ScriptsState, id: string): AddResult {
  const entry = state.deleted.find((d) => d.script.id === id);
  if (!entry) return { ok: false, error: 'that script is no longer in the recently deleted list' };
  if (state.scripts.length >= MAX_SCRIPTS)
    return { ok: false, error: `${MAX_SCRIPTS} scripts are open: delete or export some first` };
  const script = { ...entry.script, name: uniqueName(state.scripts, entry.script.name) };
  return {
    ok: true,
    id,
    state: {
      ...state,
      scripts: [...state.scripts, script],
      activeId: id,
      deleted: state.deleted.filter((d) => d !== entry),
    },
  };
}

/** Forget deleted scripts older than DELETED_KEEP_MS. */
export function pruneDeleted(state: ScriptsState, now: number): ScriptsState {
  const deleted = state.deleted.filter((d) => now - d.deletedAt < DELETED_KEEP_MS);
  return deleted.length === state.deleted.length ? state : { ...state, deleted };
}
