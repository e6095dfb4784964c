/**
 * The scripts' "⋯" menu: rename, export and import a `.lua` file, and the recently deleted
 * scripts with a Restore button each (kept a week, script-store.ts).
 */
import { useRef } from 'react';
import { Popover } from './Popover.tsx';
import { downloadScript, readImport } from './script-files.ts';
import type { Scripts } from './use-scripts.ts';

function ago(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

export function ScriptMenu({
  scripts,
  onRename,
  onNotice,
}: {
  scripts: Scripts;
  onRename(): void;
  onNotice(text: string): void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const { active, state } = scripts;

  async function importFile(file: File | undefined) {
    if (!file) return;
    const read = await readImport(file);
    if (!read.ok) return onNotice(`Import failed: ${read.error}.`);
    const refused = scripts.add({ name: read.name, code: read.code, origin: { kind: 'import' } });
    if (refused) onNotice(`Import failed: ${refused}.`);
  }

  return (
    <>
      <input
        ref={fileInput}
        type="file"
        accept=".lua,text/plain,text/x-lua"
        hidden
        data-testid="scripts.import-file"
        onChange={(e) => {
          void importFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Popover
        label="⋯"
        title="Script actions: rename, import, export, recently deleted"
        testId="scripts.menu"
        buttonClass="btn btn-ghost btn-small script-menu-button"
      >
        {(close) => (
          <div className="script-menu">
            <button
              type="button"
              className="menu-item"
              onClick={() => {
                close();
                onRename();
              }}
            >
              Rename “{active.name}”
            </button>
            <button
              type="button"
              className="menu-item"
              data-testid="scripts.export"
              onClick={() => {
                close();
                downloadScript(active.name, active.code);
              }}
            >
              Export as .lua file
            </button>
            <button
              type="button"
              className="menu-item"
              data-testid="scripts.import"
              onClick={() => {
                close();
                fileInput.current?.click();
              }}
            >
              Import a .lua file…
            </button>
            <h3 className="field-label">Recently deleted</h3>
            {state.deleted.length === 0 ? (
              <p className="hint">Deleted scripts stay here for a week.</p>
            ) : (
              <ul className="deleted-list" data-testid="scripts.deleted">
                {state.deleted.map(({ script, deletedAt }) => (
                  <li key={script.id}>
                    <span className="deleted-name">{script.name}</span>
                    <span className="deleted-when">{ago(Date.now() - deletedAt)}</span>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => {
                        const refused = scripts.restore(script.id);
                        if (refused) onNotice(`Restore failed: ${refused}.`);
                        else close();
                      }}
                    >
                      Restore
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Popover>
    </>
  );
}
