/**
 * The language settings: which Lua a run speaks (the platform's Wippy Lua, or reference Lua
 * 5.3) and what the type checker's diagnostics do (off, warn, strict). A small self-contained
 * control: the page places it (the toolbar today); it knows nothing of storage or links.
 */
import { DIALECTS, DIALECT_LABELS } from '../shared/dialect.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';
import { DIALECT_SHORT_NAMES, TYPE_CHECK_NAMES } from './language.ts';
import type { Language } from './language.ts';
import './language.css';

export interface LanguageSettingsProps {
  value: Language;
  onChange(next: Language): void;
}

const TYPE_CHECK_MODES: readonly TypeCheckMode[] = ['off', 'warn', 'strict'];

const TYPE_CHECK_HELP: Record<TypeCheckMode, string> = {
  off: 'Type annotations run; nothing is checked',
  warn: 'Type errors show as warnings at their line; the script runs anyway',
  strict: 'A script with type errors is refused before it runs, as on the platform in strict mode',
};

export function LanguageSettings({ value, onChange }: LanguageSettingsProps) {
  // The typed syntax, and so its checking, exists in the platform's dialect only.
  const typed = value.dialect === 'wippy';
  return (
    <div className="language-settings" role="group" aria-label="Language">
      <label
        className="language-field"
        title="Which Lua runs the script: the platform's own (print, numbers, string.format, errors as wippyai/go-lua has them) or reference Lua 5.3"
      >
        <span>Lua</span>
        <select
          value={value.dialect}
          onChange={(e) => onChange({ ...value, dialect: e.target.value as Dialect })}
          data-testid="settings.dialect"
          aria-label="Lua dialect"
        >
          {DIALECTS.map((d) => (
            <option key={d} value={d} title={DIALECT_LABELS[d]}>
              {DIALECT_SHORT_NAMES[d]}
            </option>
          ))}
        </select>
      </label>
      <label
        className="language-field"
        title={
          typed
            ? TYPE_CHECK_HELP[value.typeCheck]
            : 'Type annotations are Wippy Lua: reference Lua 5.3 has none to check'
        }
      >
        <span>Types</span>
        <select
          disabled={!typed}
          value={value.typeCheck}
          onChange={(e) => onChange({ ...value, typeCheck: e.target.value as TypeCheckMode })}
          data-testid="settings.types"
          aria-label="Type checking"
        >
          {TYPE_CHECK_MODES.map((m) => (
            <option key={m} value={m} title={TYPE_CHECK_HELP[m]}>
              {TYPE_CHECK_NAMES[m]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
