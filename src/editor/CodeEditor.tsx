/**
 * The Lua editor: one Monaco instance, created on mount and disposed on unmount. The text is
 * owned by the app (value/onChange); a new `value` from outside (an example, a permalink) is
 * written into the editor only when it differs, so typing never fights the cursor.
 */
import { useEffect, useRef } from 'react';
import type { editor as Editor } from 'monaco-editor/editor/editor.api';
import { monaco } from './monaco.ts';
import { registerLua } from './lua-providers.ts';
import { LUA_LANGUAGE_ID } from './lua-language.ts';
import { defineTheme, THEME_ID } from './theme.ts';
import { failureMarker } from './markers.ts';
import type { LuaFailure } from '../shared/run-events.ts';

const MARKER_OWNER = 'lua-run';

export interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  failure: LuaFailure | null;
  chunkName: string;
}

export function CodeEditor({ value, onChange, onRun, failure, chunkName }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor.IStandaloneCodeEditor | null>(null);
  // The latest callbacks, read by Monaco's listeners registered once on mount.
  const callbacks = useRef({ onChange, onRun });
  useEffect(() => {
    callbacks.current = { onChange, onRun };
  });

  useEffect(() => {
    registerLua();
    defineTheme();
    const model = monaco.editor.createModel(value, LUA_LANGUAGE_ID, monaco.Uri.parse(`file:///${chunkName}`));
    const editor = monaco.editor.create(host.current!, {
      model,
      theme: THEME_ID,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      fontFamily: "'JetBrains Mono', 'Fira Code', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
      lineHeight: 21,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'all',
      padding: { top: 12, bottom: 12 },
      tabSize: 4,
      fixedOverflowWidgets: true,
      'semanticHighlighting.enabled': false,
    });
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.current.onRun());
    const sub = model.onDidChangeContent(() => {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      callbacks.current.onChange(model.getValue());
    });
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor is created once; value changes are applied by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && model.getValue() !== value) {
      model.setValue(value);
    }
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const marker = failure ? failureMarker(failure, chunkName, model.getLineCount()) : null;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      marker
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: marker.message,
              startLineNumber: marker.line,
              endLineNumber: marker.line,
              startColumn: model.getLineFirstNonWhitespaceColumn(marker.line) || 1,
              endColumn: model.getLineMaxColumn(marker.line),
            },
          ]
        : [],
    );
    if (marker) editorRef.current?.revealLineInCenterIfOutsideViewport(marker.line);
  }, [failure, chunkName]);

  return <div className="code-editor" ref={host} data-testid="editor" />;
}
