/**
 * The registry file's editor: a small Monaco instance with Monaco's own YAML highlighting
 * (the basic-languages definition bundled in monaco-editor, no CDN) and the file's problems as
 * markers at their lines. Like the Lua editor it owns the text while the person types; a new
 * `revision` (a preset, an import) replaces it.
 */
import { useEffect, useRef } from 'react';
import type { editor as Editor } from 'monaco-editor/editor/editor.api';
import { monaco } from '../editor/monaco.ts';
import 'monaco-editor/languages/definitions/yaml/register';
import { defineTheme, editorThemeId } from '../editor/theme.ts';
import { pageTheme } from '../editor/page-theme.ts';
import type { Problem } from './registry.ts';

const MARKER_OWNER = 'policy-yaml';

export interface YamlEditorProps {
  value: string;
  revision: number;
  onChange(value: string): void;
  problems: Problem[];
  /** A line to show and put the cursor on; `n` changes on every request. */
  reveal?: { line: number; n: number };
}

export function YamlEditor({ value, revision, onChange, problems, reveal }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onChange });
  const appliedRevision = useRef(revision);
  useEffect(() => {
    callbacks.current = { onChange };
  });

  useEffect(() => {
    defineTheme();
    const model = monaco.editor.createModel(value, 'yaml');
    const editor = monaco.editor.create(host.current!, {
      model,
      // Monaco's theme is global: created with the page's, never back to dark in light.
      theme: editorThemeId(pageTheme()),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12.5,
      lineHeight: 19,
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      fixedOverflowWidgets: true,
      padding: { top: 6, bottom: 6 },
    });
    editorRef.current = editor;
    const sub = model.onDidChangeContent(() => callbacks.current.onChange(model.getValue()));
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // Created once; a new revision replaces the text (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || revision === appliedRevision.current) return;
    appliedRevision.current = revision;
    if (model.getValue() !== value) {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const lines = model.getLineCount();
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      problems.map((p) => {
        const line = Math.min(Math.max(p.line, 1), lines);
        return {
          severity: monaco.MarkerSeverity.Error,
          message: p.message,
          startLineNumber: line,
          endLineNumber: line,
          startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
          endColumn: model.getLineMaxColumn(line),
        };
      }),
    );
  }, [problems]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal) return;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: 1 });
    editor.focus();
  }, [reveal]);

  return <div className="yaml-editor" ref={host} data-testid="policy.yaml-editor" />;
}
