/**
 * The editor themes: Monaco's vs-dark and vs with the playground's accents for Lua library
 * names, each matched to the page's colours in theme.css (dark) and theme-light.css.
 */
import { monaco } from './monaco.ts';
import type { EditorTheme } from './page-theme.ts';

export type { EditorTheme };

export const THEME_ID = 'playground-dark';
export const LIGHT_THEME_ID = 'playground-light';

export const editorThemeId = (theme: EditorTheme) =>
  theme === 'light' ? LIGHT_THEME_ID : THEME_ID;

let defined = false;

export function defineTheme(): void {
  if (defined) return;
  defined = true;
  monaco.editor.defineTheme(THEME_ID, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'constant.lua', foreground: '4FC1FF' },
      { token: 'type.identifier.lua', foreground: '4EC9B0' },
      { token: 'predefined.lua', foreground: 'DCDCAA' },
      { token: 'string.escape.lua', foreground: 'D7BA7D' },
      // vs-dark's #608B4E is 4.2:1 on the background; VS Code's Dark+ green is 5:1.
      { token: 'comment', foreground: '6A9955' },
    ],
    colors: {
      'editor.background': '#1e1e1e',
      'editorGutter.background': '#1e1e1e',
      'editorLineNumber.dimmedForeground': '#858585',
    },
  });
  // Darker accents than vs-dark's, each at least 4.5:1 on white.
  monaco.editor.defineTheme(LIGHT_THEME_ID, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'constant.lua', foreground: '0550AE' },
      { token: 'type.identifier.lua', foreground: '116329' },
      { token: 'predefined.lua', foreground: '795E26' },
      { token: 'string.escape.lua', foreground: '8A4600' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editorGutter.background': '#ffffff',
      'editorLineNumber.foreground': '#6e7781',
      'editorLineNumber.dimmedForeground': '#6e7781',
    },
  });
}
