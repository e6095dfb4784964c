/**
 * Monaco for a widget, loaded only when the reader clicks the code to edit it (a page of
 * twenty snippets loads it never, or once per edited widget). The editor's height follows
 * its content, so the widget, and the iframe around it, grow with the code.
 */
import { monaco } from '../../editor/monaco.ts';
import { registerLua } from '../../editor/lua-providers.ts';
import { LUA_LANGUAGE_ID } from '../../editor/lua-language.ts';
import { defineTheme, editorThemeId } from '../../editor/theme.ts';
import type { EmbedTheme } from '../../shared/embed-protocol.ts';

export interface FrameEditor {
  setValue(code: string): void;
  setTheme(theme: EmbedTheme): void;
  focus(): void;
}

const themeId = (theme: EmbedTheme) => editorThemeId(theme);

export function createFrameEditor(
  container: HTMLElement,
  code: string,
  theme: EmbedTheme,
  on: { change(code: string): void; run(): void },
): FrameEditor {
  registerLua();
  defineTheme();
  const editor = monaco.editor.create(container, {
    value: code,
    language: LUA_LANGUAGE_ID,
    theme: themeId(theme),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    scrollbar: { alwaysConsumeMouseWheel: false },
    fontSize: 13,
    lineNumbers: 'on',
    renderLineHighlight: 'none',
    overviewRulerLanes: 0,
    padding: { top: 8, bottom: 8 },
  });
  const fit = () => {
    container.style.height = `${Math.min(editor.getContentHeight(), 600)}px`;
    editor.layout();
  };
  editor.onDidContentSizeChange(fit);
  fit();
  editor.onDidChangeModelContent(() => on.change(editor.getValue()));
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => on.run());
  return {
    setValue: (next) => {
      if (next !== editor.getValue()) editor.setValue(next);
    },
    setTheme: (next) => monaco.editor.setTheme(themeId(next)),
    focus: () => editor.focus(),
  };
}
