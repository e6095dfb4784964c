/**
 * The open project's files, under the scripts bar: one tab per file (a WAI-ARIA tablist like
 * the scripts'), "+ file" with an inline name field, a file's × to remove it (Undo for 10 s),
 * and the picker
 * of the entry Run starts (project-entries.ts). Opening a file that is an entry's source makes
 * that entry the one Run starts, so by default Run runs what is on screen.
 */
import { useCallback, useState } from 'react';
import { UndoToast } from './UndoToast.tsx';
import { tabListKeyDown } from './roving-tabs.ts';
import { addFile, chooseEntry, fileLabels, removeFile, selectFile } from './project-files.ts';
import type { ProjectFile, ProjectPart } from './project-files.ts';
import { entryOfFile, type RunnableEntry } from './project-entries.ts';
import type { Scripts } from './use-scripts.ts';
import './project.css';

export interface ProjectBarProps {
  project: ProjectPart;
  scripts: Scripts;
  entries: readonly RunnableEntry[];
  /** The entry Run starts now. */
  entry: string | undefined;
  /** What kept a file or an entry out, and what is read but not emulated. */
  problems: readonly string[];
  warnings: readonly string[];
  onNotice(text: string): void;
}

function NewFileInput({ onDone }: { onDone(path: string | null): void }) {
  const [path, setPath] = useState('');
  return (
    <input
      className="input project-new-file"
      aria-label="New file's path, e.g. lib/util.lua"
      placeholder="name.lua"
      data-testid="project.new-file-name"
      value={path}
      maxLength={200}
      autoFocus
      onChange={(e) => setPath(e.target.value)}
      onBlur={() => onDone(path.trim() ? path : null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onDone(path.trim() ? path : null);
        if (e.key === 'Escape') onDone(null);
      }}
    />
  );
}

export function ProjectBar({
  project,
  scripts,
  entries,
  entry,
  problems,
  warnings,
  onNotice,
}: ProjectBarProps) {
  const notes = [...problems, ...warnings];
  const [adding, setAdding] = useState(false);
  const [removed, setRemoved] = useState<ProjectFile | null>(null);
  const closeUndo = useCallback(() => setRemoved(null), []);
  const paths = project.files.map((f) => f.path);
  const labels = fileLabels(paths);
  const open = (path: string) =>
    scripts.changeProject((p) => selectFile(p, path, entryOfFile(entries, path)));

  function add(path: string | null, text = '') {
    setAdding(false);
    if (path === null) return;
    const result = addFile(project, path, text);
    if (!result.ok) return onNotice(`No new file: ${result.error}.`);
    scripts.changeProject((p) => {
      const again = addFile(p, path, text);
      return again.ok ? again.project : p;
    });
  }

  function remove(file: ProjectFile) {
    const result = removeFile(project, file.path);
    if (!result.ok) return onNotice(`${file.path} stays: ${result.error}.`);
    scripts.changeProject((p) => {
      const again = removeFile(p, file.path);
      return again.ok ? again.project : p;
    });
    setRemoved(file);
  }

  return (
    <div className="project-bar" data-testid="project.bar">
      <div
        className="project-files"
        role="tablist"
        aria-label="Project files"
        onKeyDown={tabListKeyDown(paths, project.activePath, open)}
      >
        {project.files.map((file) => {
          const selected = file.path === project.activePath;
          const isEntry = entries.some((e) => e.file === file.path);
          return (
            <div key={file.path} className={`project-file ${selected ? 'is-active' : ''}`}>
              <button
                type="button"
                role="tab"
                data-tab-id={file.path}
                data-testid="project.file"
                data-path={file.path}
                aria-selected={selected}
                aria-controls="editor-pane"
                tabIndex={selected ? 0 : -1}
                title={file.path}
                onClick={() => open(file.path)}
              >
                {isEntry && (
                  <span className="project-entry-mark" aria-hidden="true">
                    ▸{' '}
                  </span>
                )}
                {labels.get(file.path)}
              </button>
              <button
                type="button"
                className="script-close"
                tabIndex={-1}
                aria-label={`Remove ${file.path}`}
                title={`Remove ${file.path} from the project`}
                data-testid="project.remove-file"
                onClick={() => remove(file)}
              >
                ×
              </button>
            </div>
          );
        })}
      </div>
      {adding ? (
        <NewFileInput onDone={add} />
      ) : (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          title="Add a file to the project"
          data-testid="project.add-file"
          onClick={() => setAdding(true)}
        >
          + file
        </button>
      )}
      {notes.length > 0 && (
        <button
          type="button"
          className={`btn btn-ghost btn-small project-notes ${problems.length > 0 ? 'has-problems' : ''}`}
          data-testid="project.notes"
          title={notes.join('\n')}
          onClick={() => onNotice(notes.join(' · '))}
        >
          ⚠ {notes.length}
        </button>
      )}
      <label className="project-entry">
        <span>Run entry</span>
        <select
          data-testid="project.entry"
          value={entry ?? ''}
          disabled={entries.length === 0}
          onChange={(e) => scripts.changeProject((p) => chooseEntry(p, e.target.value))}
        >
          {entries.length === 0 && <option value="">no process.lua or function.lua entry</option>}
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {e.id} ({e.service ? `runs as ${e.service}` : e.kind})
            </option>
          ))}
        </select>
      </label>
      {removed && (
        <UndoToast
          key={removed.path}
          text={`Removed ${removed.path}.`}
          onUndo={() => {
            add(removed.path, removed.text);
            setRemoved(null);
          }}
          onClose={closeUndo}
        />
      )}
    </div>
  );
}
