/** The editor theme: Monaco's vs-dark with the playground's accents for Lua library names. */
import { monaco } from './monaco.ts';

export const THEME_ID = 'playground-dark';

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
    ],
    colors: {
      'editor.background': '#1e1e1e',
      'editorGutter.background': '#1e1e1e',
    },
  });
}
