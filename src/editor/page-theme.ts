/**
 * The page's light or dark theme as the editors need it. Monaco's theme is global: whichever
 * editor is created last sets it for all, so every editor is created with the page's theme
 * from here (no Monaco import: the shell sets it before Monaco has loaded).
 */
export type EditorTheme = 'light' | 'dark';

let current: EditorTheme = 'dark';

export function setPageTheme(theme: EditorTheme): void {
  current = theme;
}

export function pageTheme(): EditorTheme {
  return current;
}
