/**
 * The narrow-screen switcher (below 760 px the shell is one column): Code, Console,
 * Inspector, Processes or Policy fills the screen, with Run and Stop staying in the top bar.
 */
export type NarrowPane = 'code' | 'console' | 'inspector' | 'processes' | 'policy';

const PANES: [NarrowPane, string][] = [
  ['code', 'Code'],
  ['console', 'Console'],
  ['inspector', 'Inspector'],
  ['processes', 'Processes'],
  ['policy', 'Policy'],
];

export function PaneSwitcher({
  pane,
  onPane,
}: {
  pane: NarrowPane;
  onPane(pane: NarrowPane): void;
}) {
  return (
    <nav className="pane-switcher" aria-label="Show">
      {PANES.map(([id, label]) => (
        <button
          key={id}
          type="button"
          aria-pressed={pane === id}
          className={pane === id ? 'is-on' : ''}
          onClick={() => onPane(id)}
          data-testid={`pane.${id}`}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
