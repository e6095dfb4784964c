/**
 * The colour theme: the person's choice (Auto, Light or Dark, kept under its own versioned
 * key) and what it resolves to. Auto follows the system's `prefers-color-scheme`, live.
 */

export type ThemeChoice = 'auto' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';

export const THEME_KEY = 'lua-playground.theme.v1';
export const THEME_CHOICES: readonly ThemeChoice[] = ['auto', 'light', 'dark'];
export const LIGHT_QUERY = '(prefers-color-scheme: light)';

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export function loadThemeChoice(storage: StorageLike | null): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

export function saveThemeChoice(choice: ThemeChoice, storage: StorageLike | null): void {
  try {
    storage?.setItem(THEME_KEY, choice);
  } catch {
    // Storage full or disabled: the choice lasts for this page only.
  }
}

/** Auto is dark unless the system asks for light: the playground was dark first. */
export function resolveTheme(choice: ThemeChoice, systemPrefersLight: boolean): ResolvedTheme {
  if (choice === 'auto') return systemPrefersLight ? 'light' : 'dark';
  return choice;
}
