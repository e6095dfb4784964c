/**
 * The scripts above the editor: one tab each (a WAI-ARIA tablist: arrows, Home, End; Delete
 * deletes, F2 or a double click renames), a New button, the "⋯" menu, and the Tab-key toggle
 * that lets keyboard users leave the editor. A deletion shows an Undo toast for 10 s and the
 * script stays in the menu's "Recently deleted" list for a week.
 */
import { useCallback, useState } from 'react';
import { tabListKeyDown } from './roving-tabs.ts';
import { ScriptMenu } from './ScriptMenu.tsx';
import { UndoToast } from './UndoToast.tsx';
import type { Scripts } from './use-scripts.ts';
import type { Script } from './script-store.ts';

export const MOD_KEY =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

function RenameInput({ script, onDone }: { script: Script; onDone(name: string | null): void }) {
  const [name, setName] = useState(script.name);
  return (
    <input
      className="input script-rename"
      aria-label={`New name for ${script.name}`}
      data-testid="scripts.rename"
      value={name}
      maxLength={60}
      autoFocus
      onFocus={(e) => e.target.select()}
      onChange={(e) => setName(e.target.value)}
      onBlur={() => onDone(name)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onDone(name);
        if (e.key === 'Escape') onDone(null);
      }}
    />
  );
}

export interface ScriptBarProps {
  scripts: Scripts;
  onNotice(text: string): void;
  tabFocus: boolean;
  onTabFocus(tabFocus: boolean): void;
}

export function ScriptBar({ scripts, onNotice, tabFocus, onTabFocus }: ScriptBarProps) {
  const { state, active } = scripts;
  const [renaming, setRenaming] = useState<string | null>(null);
  const [undo, setUndo] = useState<Script | null>(null);
  const closeUndo = useCallback(() => setUndo(null), []);
  const ids = state.scripts.map((s) => s.id);

  // A restore from the menu makes the toast's offer stale.
  const undoable = undo && state.deleted.some((d) => d.script.id === undo.id) ? undo : null;

  function remove(script: Script) {
    scripts.remove(script.id);
    setUndo(script);
  }

  return (
    <div className="script-bar">
      <div
        className="script-tabs"
        role="tablist"
        aria-label="Scripts"
        onKeyDown={tabListKeyDown(ids, active.id, scripts.select)}
      >
        {state.scripts.map((script) => {
          const selected = script.id === active.id;
          if (renaming === script.id)
            return (
              <RenameInput
                key={script.id}
                script={script}
                onDone={(name) => {
                  if (name !== null) scripts.rename(script.id, name);
                  setRenaming(null);
                }}
              />
            );
          return (
            <div key={script.id} className={`script-tab ${selected ? 'is-active' : ''}`}>
              <button
                type="button"
                role="tab"
                data-tab-id={script.id}
                data-testid="scripts.tab"
                aria-selected={selected}
                aria-controls="editor-pane"
                tabIndex={selected ? 0 : -1}
                title={`${script.name} (double click or F2 to rename, Delete to delete)`}
                onClick={() => scripts.select(script.id)}
                onDoubleClick={() => setRenaming(script.id)}
                onKeyDown={(e) => {
                  if (e.key === 'F2') setRenaming(script.id);
                  if (e.key !== 'Delete') return;
                  const list = e.currentTarget.closest('[role="tablist"]');
                  remove(script);
                  // The focused tab is gone: the keyboard continues on the newly open one.
                  requestAnimationFrame(() =>
                    list?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus(),
                  );
                }}
              >
                {script.project && (
                  <span className="project-mark" aria-label="project:">
                    ▣
                  </span>
                )}
                {script.name}
              </button>
              <button
                type="button"
                className="script-close"
                tabIndex={-1}
                aria-label={`Delete ${script.name}`}
                title={`Delete ${script.name} (it can be restored)`}
                data-testid="scripts.delete"
                onClick={() => remove(script)}
              >
                ×
              </button>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        title="New script"
        aria-label="New script"
        data-testid="scripts.new"
        onClick={() => {
          const refused = scripts.add({ name: 'Untitled', code: '', origin: { kind: 'new' } });
          if (refused) onNotice(`No new script: ${refused}.`);
        }}
      >
        +
      </button>
      <ScriptMenu scripts={scripts} onRename={() => setRenaming(active.id)} onNotice={onNotice} />
      <button
        type="button"
        className={`btn btn-ghost btn-small tab-focus-toggle ${tabFocus ? 'is-on' : ''}`}
        aria-pressed={tabFocus}
        data-testid="editor.tab-focus"
        title={`Tab key: ${tabFocus ? 'moves the focus out of the editor' : 'indents'} (${MOD_KEY}+M toggles)`}
        onClick={() => onTabFocus(!tabFocus)}
      >
        Tab {tabFocus ? 'moves focus' : 'indents'} <kbd>{MOD_KEY} M</kbd>
      </button>
      {undoable && (
        <UndoToast
          key={undoable.id}
          text={`Deleted “${undoable.name}”.`}
          onUndo={() => {
            const refused = scripts.restore(undoable.id);
            if (refused) onNotice(`Restore failed: ${refused}.`);
            setUndo(null);
          }}
          onClose={closeUndo}
        />
      )}
    </div>
  );
}
