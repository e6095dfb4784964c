/**
 * The settings popover (⚙): the colour theme (Auto follows the system), and on narrow
 * screens the transport, which the toolbar has no room for there. `children` is room for
 * further settings (the dialect and type-check choice).
 */
import type { ReactNode } from 'react';
import { Popover } from './Popover.tsx';
import { THEME_CHOICES, type ThemeChoice } from './theme-choice.ts';

const LABELS: Record<ThemeChoice, string> = { auto: 'Auto', light: 'Light', dark: 'Dark' };

export function SettingsMenu({
  theme,
  onTheme,
  children,
}: {
  theme: ThemeChoice;
  onTheme(choice: ThemeChoice): void;
  children?: ReactNode;
}) {
  return (
    <Popover
      label={
        <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
          <path
            fill="currentColor"
            d="M9.1 1l.4 2a5 5 0 0 1 1.3.7l1.9-.7 1.1 1.9-1.5 1.3a5 5 0 0 1 0 1.6l1.5 1.3-1.1 1.9-1.9-.7a5 5 0 0 1-1.3.7l-.4 2H6.9l-.4-2a5 5 0 0 1-1.3-.7l-1.9.7-1.1-1.9 1.5-1.3a5 5 0 0 1 0-1.6L2.2 4.9l1.1-1.9 1.9.7a5 5 0 0 1 1.3-.7l.4-2zM8 5.6a2.4 2.4 0 1 0 0 4.8 2.4 2.4 0 0 0 0-4.8z"
          />
        </svg>
      }
      title="Settings"
      testId="toolbar.settings"
      buttonClass="btn btn-ghost icon-only"
    >
      <div className="settings-menu">
        <fieldset className="segmented" data-testid="settings.theme">
          <legend className="field-label">Theme</legend>
          {THEME_CHOICES.map((choice) => (
            <label key={choice} className={theme === choice ? 'is-on' : ''}>
              <input
                type="radio"
                name="theme"
                value={choice}
                checked={theme === choice}
                onChange={() => onTheme(choice)}
                data-testid={`settings.theme.${choice}`}
              />
              {LABELS[choice]}
            </label>
          ))}
        </fieldset>
        <p className="hint">Auto follows your system’s light or dark setting.</p>
        {children}
      </div>
    </Popover>
  );
}
