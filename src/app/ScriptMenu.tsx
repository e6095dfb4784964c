/**
 * The scripts' "⋯" menu: rename, export and import a `.lua` file, a new project (from a
 * sample), a project imported from a folder or a `.zip` and exported as a `.zip`, and the
 * recently deleted scripts and projects with a Restore button each (kept a week,
 * script-store.ts).
 */
import { HiddenFileInput } from './HiddenFileInput.tsx';
import { useRef } from 'react';
import { Popover } from './Popover.tsx';
import { downloadScript, readImport } from './script-files.ts';
import { downloadProject, readFolder, readZipFile, type ProjectRead } from './project-archive.ts';
import { sampleProject } from './sample-project.ts';
import type { Scripts } from './use-scripts.ts';

/** A folder's name from its files' relative paths (`echo-service/src/cli.lua`). */
const folderName = (files: FileList) =>
  files[0]?.webkitRelativePath.split('/')[0] || 'Imported project';

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
  const zipInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const { active, state } = scripts;

  function addProject(name: string, read: ProjectRead) {
    if (!read.ok) return onNotice(`Import failed: ${read.error}.`);
    const refused = scripts.add({
      name,
      code: '',
      origin: { kind: 'import' },
      project: read.project,
    });
    if (refused) return onNotice(`Import failed: ${refused}.`);
    if (read.skipped.length > 0)
      onNotice(
        `Imported ${name}; left out ${read.skipped.length} file(s) that are hidden, outside the project or not text: ${read.skipped.slice(0, 5).join(', ')}${read.skipped.length > 5 ? '…' : ''}`,
      );
  }

  async function importZip(file: File | undefined) {
    if (!file) return;
    addProject(file.name.replace(/\.zip$/i, '') || 'Imported project', await readZipFile(file));
  }

  async function importFolder(files: FileList | null) {
    if (!files || files.length === 0) return;
    addProject(folderName(files), await readFolder(files));
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    const read = await readImport(file);
    if (!read.ok) return onNotice(`Import failed: ${read.error}.`);
    const refused = scripts.add({ name: read.name, code: read.code, origin: { kind: 'import' } });
    if (refused) onNotice(`Import failed: ${refused}.`);
  }

  return (
    <>
      <HiddenFileInput
        inputRef={fileInput}
        accept=".lua,text/plain,text/x-lua"
        testId="scripts.import-file"
        onFiles={(files) => void importFile(files?.[0])}
      />
      <HiddenFileInput
        inputRef={zipInput}
        accept=".zip,application/zip"
        testId="projects.import-zip-file"
        onFiles={(files) => void importZip(files?.[0])}
      />
      <HiddenFileInput
        inputRef={folderInput}
        folder
        testId="projects.import-folder-files"
        onFiles={(files) => void importFolder(files)}
      />
      <Popover
        label="⋯"
        title="Script and project actions: new project, rename, import, export, recently deleted"
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
            {active.project ? (
              <button
                type="button"
                className="menu-item"
                data-testid="projects.export"
                onClick={() => {
                  close();
                  downloadProject(active.name, active.project!);
                }}
              >
                Export project as .zip
              </button>
            ) : (
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
            )}
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
            <h3 className="field-label">Projects</h3>
            <button
              type="button"
              className="menu-item"
              data-testid="projects.new"
              onClick={() => {
                close();
                const refused = scripts.add({
                  name: 'Project',
                  code: '',
                  origin: { kind: 'sample' },
                  project: sampleProject(),
                });
                if (refused) onNotice(`No new project: ${refused}.`);
              }}
            >
              New project (from a small sample)
            </button>
            <button
              type="button"
              className="menu-item"
              data-testid="projects.import-folder"
              onClick={() => {
                close();
                folderInput.current?.click();
              }}
            >
              Import a project folder…
            </button>
            <button
              type="button"
              className="menu-item"
              data-testid="projects.import-zip"
              onClick={() => {
                close();
                zipInput.current?.click();
              }}
            >
              Import a project .zip…
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
