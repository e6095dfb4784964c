/**
 * The script store (script-store.ts) as React state: every change is written to localStorage
 * at once, a failed write becomes a problem to show (never a silent loss), and a change made
 * in another tab of the playground is taken in (the `storage` event) so two tabs do not
 * overwrite each other's scripts. The cursor is kept in a ref and written when the person
 * switches scripts (or a project's files) or leaves the page, not on every move. A project
 * (project-files.ts) is one script of several files: the editor shows its open file.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  SCRIPTS_KEY,
  activeScript,
  addScript,
  deleteScript,
  editorCursor,
  editorKey,
  editorText,
  loadScripts,
  restoreScript,
  saveScripts,
  selectScript,
  updateScript,
} from './script-store.ts';
import type {
  AddResult,
  CursorPosition,
  NewScript,
  ScriptsState,
  StorageLike,
} from './script-store.ts';
import type { ProjectPart } from './project-files.ts';

function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export interface ScriptsOptions {
  defaultCode: string;
  /** False for the embed view: its scripts live in the page only. */
  persist: boolean;
  /** Adjusts the loaded state once (a permalink or an example in the URL opens here). */
  initial?(state: ScriptsState, now: number): ScriptsState;
}

interface Held {
  state: ScriptsState;
  /** Increases when the editor must show another text: a switch, an add, a restore, a file. */
  revision: number;
}

export function useScripts({ defaultCode, persist, initial }: ScriptsOptions) {
  const storage = persist ? browserStorage() : null;
  const [loaded] = useState(() => {
    const now = Date.now();
    const result = loadScripts(storage, defaultCode, now);
    return { ...result, state: initial ? initial(result.state, now) : result.state };
  });
  const writable = persist && loaded.writable;
  const [held, setHeld] = useState<Held>({ state: loaded.state, revision: 0 });
  const [problem, setProblem] = useState<string | null>(loaded.problem);
  /** The editor's cursor, and the text it is in (editorKey). */
  const cursor = useRef<{
    key: string;
    id: string;
    /** The project file it is in, for a project. */
    path?: string;
    position: CursorPosition;
  } | null>(null);
  const lastSaved = useRef<string | null>(null);
  /** The newest state, ahead of React's render: two changes in one event both count. */
  const latest = useRef(held);

  const commit = useCallback(
    (next: Held) => {
      latest.current = next;
      setHeld(next);
      if (!writable) return;
      const error = saveScripts(next.state, storage);
      if (error) {
        setProblem(
          `Your scripts are not being saved: ${error}. Export the open script (⋯ menu) or delete old ones.`,
        );
      } else {
        lastSaved.current = JSON.stringify(next.state);
        setProblem((current) => (current?.startsWith('Your scripts are not') ? null : current));
      }
    },
    [writable, storage],
  );

  /**
   * A state change; another open script or file moves the editor to its text (a new
   * revision), after the cursor is kept with the text it was in.
   */
  const change = useCallback(
    (next: (s: ScriptsState) => ScriptsState) => {
      const h = latest.current;
      const state = next(h.state);
      if (state === h.state) return;
      const key = editorKey(h.state);
      if (editorKey(state) === key) return commit({ state, revision: h.revision });
      const at = cursor.current;
      cursor.current = null;
      // Kept on the new state, by script id and file path: both outlive a switch or an add.
      const kept =
        at && at.key === key
          ? updateScript(state, at.id, { cursor: at.position, cursorPath: at.path }, Date.now())
          : state;
      commit({ state: kept, revision: h.revision + 1 });
    },
    [commit],
  );

  /** Adding can be refused (too many scripts): the reason is returned. */
  const tryAdd = useCallback(
    (attempt: (s: ScriptsState, now: number) => AddResult): string | null => {
      const result = attempt(latest.current.state, Date.now());
      if (!result.ok) return result.error;
      change(() => result.state);
      return null;
    },
    [change],
  );

  useEffect(() => {
    if (!writable) return;
    // The newest state (latest), not this render's: keystrokes may not have rendered yet.
    const onLeave = () => {
      const at = cursor.current;
      const state = latest.current.state;
      if (at && at.key === editorKey(state))
        saveScripts(
          updateScript(state, at.id, { cursor: at.position, cursorPath: at.path }, Date.now()),
          storage,
        );
    };
    window.addEventListener('pagehide', onLeave);
    return () => window.removeEventListener('pagehide', onLeave);
  }, [writable, storage]);

  useEffect(() => {
    if (!writable) return;
    // Another tab saved: take its scripts in, keeping this tab's open script where it can.
    const onStorage = (e: StorageEvent) => {
      if (e.key !== SCRIPTS_KEY || e.newValue === null || e.newValue === lastSaved.current) return;
      const theirs = loadScripts(storage, defaultCode, Date.now());
      if (!theirs.writable) return;
      const h = latest.current;
      const state = selectScript(theirs.state, h.state.activeId);
      const same =
        editorKey(state) === editorKey(h.state) &&
        editorText(activeScript(state)) === editorText(activeScript(h.state));
      latest.current = { state, revision: same ? h.revision : h.revision + 1 };
      lastSaved.current = e.newValue;
      setHeld(latest.current);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [writable, storage, defaultCode]);

  const active = activeScript(held.state);

  return {
    state: held.state,
    active,
    revision: held.revision,
    problem,
    dismissProblem: () => setProblem(null),
    setCode: useCallback(
      (code: string) => change((s) => updateScript(s, s.activeId, { code }, Date.now())),
      [change],
    ),
    /** The text the editor shows (a script's, or its project's open file) and its cursor. */
    text: editorText(active),
    cursor: editorCursor(active),
    setCursor: useCallback((position: CursorPosition) => {
      const state = latest.current.state;
      const path = activeScript(state).project?.activePath;
      cursor.current = { key: editorKey(state), id: state.activeId, path, position };
    }, []),
    /** A change to the open project (its files, open file, entry); nothing for a script. */
    changeProject: useCallback(
      (update: (project: ProjectPart) => ProjectPart) =>
        change((s) => updateScript(s, s.activeId, { project: update }, Date.now())),
      [change],
    ),
    select: useCallback((id: string) => change((s) => selectScript(s, id)), [change]),
    rename: useCallback(
      (id: string, name: string) => change((s) => updateScript(s, id, { name }, Date.now())),
      [change],
    ),
    add: useCallback(
      (script: NewScript) => tryAdd((s, now) => addScript(s, script, now)),
      [tryAdd],
    ),
    remove: useCallback((id: string) => change((s) => deleteScript(s, id, Date.now())), [change]),
    restore: useCallback((id: string) => tryAdd((s) => restoreScript(s, id)), [tryAdd]),
  };
}

export type Scripts = ReturnType<typeof useScripts>;
