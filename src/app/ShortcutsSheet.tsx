/** The keyboard shortcuts sheet (`?`): a modal dialog, closed by Escape, its button or a click outside. */
import { useEffect, useRef } from 'react';
import { MOD_KEY } from './ScriptBar.tsx';

const SHORTCUTS: [keys: string[], what: string][] = [
  [[MOD_KEY, 'Enter'], 'Run the script (from anywhere on the page)'],
  [[MOD_KEY, '.'], 'Stop the script'],
  [[MOD_KEY, 'M'], 'In the editor: Tab moves the focus instead of indenting (toggle)'],
  [['Esc', 'Tab'], 'Leave the editor once the toggle is on; Esc closes a suggestion first'],
  [[MOD_KEY, 'Space'], 'Complete a name in the editor'],
  [['F1'], 'The editor’s command palette'],
  [['←', '→'], 'Move between tabs (scripts, side panels); Home and End jump to the ends'],
  [['F2'], 'Rename the focused script tab; Delete deletes it (Undo brings it back)'],
  [['?'], 'This sheet (not while typing)'],
];

export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="shortcuts-sheet"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts.sheet"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === dialog.current) dialog.current.close();
      }}
    >
      <div className="shortcuts-body">
        <header className="shortcuts-header">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => dialog.current?.close()}
            autoFocus
          >
            Close
          </button>
        </header>
        <table className="shortcuts-table">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={what}>
                <td className="shortcut-keys">
                  {keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  );
}
