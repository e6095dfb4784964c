import { describe, expect, it } from 'vitest';
import {
  DELETED_KEEP_MS,
  LEGACY_DRAFT_KEY,
  MAX_DELETED,
  SCRIPTS_KEY,
  activeScript,
  addScript,
  deleteScript,
  loadScripts,
  openOrAdd,
  restoreScript,
  saveScripts,
  selectScript,
  updateScript,
  editorText,
  editorKey,
  SCRIPTS_VERSION,
} from './script-store.ts';
import { addFile, selectFile } from './project-files.ts';
import type { AddResult, ScriptsState, StorageLike } from './script-store.ts';

function memory(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

const T0 = 1_800_000_000_000;

function added(result: AddResult): ScriptsState {
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

describe('script store', () => {
  it('starts with one script holding the default code', () => {
    const { state, problem } = loadScripts(memory(), 'print(1)', T0);
    expect(problem).toBeNull();
    expect(state.scripts).toHaveLength(1);
    expect(activeScript(state)).toMatchObject({ name: 'Untitled', code: 'print(1)' });
  });

  it('reads the old single draft as the first script, "My draft"', () => {
    const storage = memory({ [LEGACY_DRAFT_KEY]: 'print("old draft")' });
    const { state } = loadScripts(storage, 'default', T0);
    expect(activeScript(state)).toMatchObject({
      name: 'My draft',
      code: 'print("old draft")',
      origin: { kind: 'draft' },
    });
  });

  it('prefers the v1 state over the old draft once it exists', () => {
    const storage = memory({ [LEGACY_DRAFT_KEY]: 'old' });
    const first = loadScripts(storage, 'default', T0).state;
    expect(saveScripts(updateScript(first, first.activeId, { code: 'new' }, T0), storage)).toBe(
      null,
    );
    expect(activeScript(loadScripts(storage, 'default', T0 + 1).state).code).toBe('new');
  });

  it('round-trips scripts, the open one and its cursor', () => {
    const storage = memory();
    let state = loadScripts(storage, 'a', T0).state;
    state = added(addScript(state, { name: 'Second', code: 'b', origin: { kind: 'new' } }, T0 + 1));
    state = updateScript(state, state.activeId, { cursor: { line: 3, column: 7 } }, T0 + 2);
    saveScripts(state, storage);
    const back = loadScripts(storage, 'x', T0 + 3).state;
    expect(back.scripts.map((s) => s.code)).toEqual(['a', 'b']);
    expect(activeScript(back)).toMatchObject({ name: 'Second', cursor: { line: 3, column: 7 } });
  });

  it('gives new scripts unique ids and names', () => {
    let state = loadScripts(memory(), '', T0).state;
    for (let i = 0; i < 3; i++)
      state = added(addScript(state, { name: 'Ping', code: '', origin: { kind: 'new' } }, T0));
    expect(state.scripts.map((s) => s.name)).toEqual(['Untitled', 'Ping', 'Ping (2)', 'Ping (3)']);
    expect(new Set(state.scripts.map((s) => s.id)).size).toBe(4);
  });

  it('opens a link again as the same script instead of a copy', () => {
    let state = loadScripts(memory(), '', T0).state;
    const link = { name: 'Shared link', code: 'print(1)', origin: { kind: 'permalink' as const } };
    state = added(openOrAdd(state, link, T0));
    state = selectScript(state, state.scripts[0].id);
    state = added(openOrAdd(state, link, T0 + 5));
    expect(state.scripts).toHaveLength(2);
    expect(activeScript(state).code).toBe('print(1)');
  });

  it('deletes to a restorable list and restores with the code intact', () => {
    let state = loadScripts(memory(), 'mine', T0).state;
    const mine = state.activeId;
    state = added(addScript(state, { name: 'Other', code: 'o', origin: { kind: 'new' } }, T0));
    state = selectScript(state, mine);
    state = deleteScript(state, mine, T0 + 10);
    expect(state.scripts.map((s) => s.name)).toEqual(['Other']);
    expect(state.deleted[0]).toMatchObject({ deletedAt: T0 + 10, script: { code: 'mine' } });
    state = added(restoreScript(state, mine));
    expect(activeScript(state)).toMatchObject({ id: mine, code: 'mine' });
    expect(state.deleted).toEqual([]);
  });

  it('keeps one empty script when the last one is deleted', () => {
    let state = loadScripts(memory(), 'only', T0).state;
    state = deleteScript(state, state.activeId, T0);
    expect(state.scripts).toHaveLength(1);
    expect(activeScript(state)).toMatchObject({ name: 'Untitled', code: '' });
    expect(state.deleted).toHaveLength(1);
  });

  it('forgets deleted scripts after a week and keeps at most MAX_DELETED', () => {
    const storage = memory();
    let state = loadScripts(storage, '', T0).state;
    for (let i = 0; i < MAX_DELETED + 5; i++) {
      state = added(addScript(state, { name: `s${i}`, code: '', origin: { kind: 'new' } }, T0));
      state = deleteScript(state, state.activeId, T0);
    }
    expect(state.deleted).toHaveLength(MAX_DELETED);
    saveScripts(state, storage);
    expect(loadScripts(storage, '', T0 + DELETED_KEEP_MS + 1).state.deleted).toEqual([]);
  });

  it('reports a full storage instead of losing the scripts silently', () => {
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      },
    };
    const { state } = loadScripts(full, 'x', T0);
    expect(saveScripts(state, full)).toBe('browser storage is full');
    expect(saveScripts(state, null)).toMatch(/not available/);
  });

  it('reads damaged JSON as a fresh state with a problem to show', () => {
    const loaded = loadScripts(memory({ [SCRIPTS_KEY]: '{not json' }), 'd', T0);
    expect(loaded.writable).toBe(true);
    expect(loaded.problem).toMatch(/could not be read/);
    expect(activeScript(loaded.state).code).toBe('d');
  });

  it('never overwrites a state written by a newer playground', () => {
    const loaded = loadScripts(memory({ [SCRIPTS_KEY]: '{"version":3,"scripts":[]}' }), 'd', T0);
    expect(loaded.writable).toBe(false);
    expect(loaded.problem).toMatch(/newer playground/);
  });

  it('leaves out malformed entries and falls back to the first script', () => {
    const raw = {
      version: 1,
      activeId: 'gone',
      scripts: [{ id: 'a', code: 'ok', name: 'A' }, { id: 'b' }, 'junk', { id: 'a', code: 'dup' }],
      deleted: [{ script: { id: 'c', code: 'del' }, deletedAt: T0 }, { deletedAt: 1 }],
    };
    const { state } = loadScripts(memory({ [SCRIPTS_KEY]: JSON.stringify(raw) }), '', T0);
    expect(state.scripts.map((s) => s.code)).toEqual(['ok']);
    expect(state.activeId).toBe('a');
    expect(state.deleted.map((d) => d.script.code)).toEqual(['del']);
  });

  it('reads the v1 scripts a previous playground saved, and writes them back as v2', () => {
    const v1 = {
      version: 1,
      activeId: 'a',
      scripts: [{ id: 'a', code: 'print(1)', name: 'Old', origin: { kind: 'new' }, updatedAt: 1 }],
      deleted: [],
    };
    const storage = memory({ [SCRIPTS_KEY]: JSON.stringify(v1) });
    const loaded = loadScripts(storage, 'd', T0);
    expect(loaded.writable).toBe(true);
    expect(activeScript(loaded.state)).toMatchObject({ name: 'Old', code: 'print(1)' });
    expect(saveScripts(loaded.state, storage)).toBeNull();
    expect(JSON.parse(storage.map.get(SCRIPTS_KEY)!).version).toBe(SCRIPTS_VERSION);
  });

  it('keeps a project through a save and a load: its files, the open file and the entry', () => {
    const storage = memory();
    let state = loadScripts(storage, 'd', T0).state;
    const project = {
      files: [
        { path: 'src/_index.yaml', text: 'namespace: app' },
        { path: 'src/cli.lua', text: 'print(1)' },
      ],
      activePath: 'src/cli.lua',
      entry: 'app:cli',
    };
    state = added(
      addScript(state, { name: 'Echo', code: '', origin: { kind: 'sample' }, project }, T0),
    );
    state = updateScript(state, state.activeId, { code: 'print(2)' }, T0 + 1);
    expect(editorText(activeScript(state))).toBe('print(2)');
    saveScripts(state, storage);
    const back = activeScript(loadScripts(storage, 'd', T0).state);
    expect(back.origin).toEqual({ kind: 'sample' });
    expect(back.project).toEqual({
      ...project,
      files: [project.files[0], { path: 'src/cli.lua', text: 'print(2)' }],
    });
  });

  it("edits a project's files through its patch; opening another file changes the editor's key", () => {
    let state = loadScripts(memory(), 'd', T0).state;
    const project = { files: [{ path: 'a.lua', text: 'A' }], activePath: 'a.lua' };
    state = added(addScript(state, { name: 'P', code: '', origin: { kind: 'new' }, project }, T0));
    const before = editorKey(state);
    state = updateScript(
      state,
      state.activeId,
      {
        project: (p) => {
          const result = addFile(p, 'b.lua', 'B');
          return result.ok ? result.project : p;
        },
      },
      T0,
    );
    expect(editorText(activeScript(state))).toBe('B');
    expect(editorKey(state)).not.toBe(before);
    state = updateScript(state, state.activeId, { project: (p) => selectFile(p, 'a.lua') }, T0);
    expect(editorKey(state)).toBe(before);
  });

  it('reads a stored project with a damaged file list as files it can keep', () => {
    const raw = {
      version: 2,
      activeId: 'p',
      scripts: [
        {
          id: 'p',
          code: '',
          project: {
            files: [{ path: '../escape.lua', text: 'x' }, { path: 'ok.lua', text: 'y' }, 'junk'],
            activePath: 'gone.lua',
          },
        },
      ],
      deleted: [],
    };
    const { state } = loadScripts(memory({ [SCRIPTS_KEY]: JSON.stringify(raw) }), '', T0);
    expect(activeScript(state).project).toEqual({
      files: [{ path: 'ok.lua', text: 'y' }],
      activePath: 'ok.lua',
    });
  });

  it("keeps a project file's cursor with that file, whichever file is open", () => {
    let state = loadScripts(memory(), 'd', T0).state;
    const project = {
      files: [
        { path: 'a.lua', text: 'A' },
        { path: 'b.lua', text: 'B' },
      ],
      activePath: 'b.lua',
    };
    state = added(addScript(state, { name: 'P', code: '', origin: { kind: 'new' }, project }, T0));
    const at = { line: 3, column: 2 };
    state = updateScript(state, state.activeId, { cursor: at, cursorPath: 'a.lua' }, T0);
    const files = activeScript(state).project!.files;
    expect(files.map((f) => f.cursor)).toEqual([at, undefined]);
  });
});
