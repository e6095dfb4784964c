/**
 * The Lua editor: one Monaco instance, created on mount and disposed on unmount. The editor
 * owns the text while the person types (onChange reports it); the app replaces it (an
 * example, a permalink) by passing a new `value` with a new `revision`. Comparing `value`
 * with the model instead would race: a render with an older value can arrive after newer
 * keystrokes and undo them.
 */
import { useEffect, useRef } from 'react';
import type { editor as Editor } from 'monaco-editor/editor/editor.api';
import { monaco } from './monaco.ts';
import { registerLua } from './lua-providers.ts';
import { LUA_LANGUAGE_ID } from './lua-language.ts';
import { defineTheme, editorThemeId, type EditorTheme } from './theme.ts';
import { failureMarker, warningMarkers, type FailureMarker } from './markers.ts';
import type { LuaFailure, OutputEntry } from '../shared/run-events.ts';
import {
  DEFAULT_DIALECT,
  DEFAULT_TYPE_CHECK,
  type Dialect,
  type TypeCheckMode,
} from '../shared/dialect.ts';
import { DialectChecker, type CheckSettings } from './dialect-client.ts';
import { applyDialectHighlighting, registerDialectProviders } from './dialect-providers.ts';
import { toMarkers } from './dialect-markers.ts';
import { onRevealLine } from './reveal-line.ts';

const MARKER_OWNER = 'lua-run';
const WARNING_OWNER = 'lua-warnings';
/** Syntax and type marks computed as the person types (dialect-client.ts). */
const DIALECT_OWNER = 'lua-dialect';
const NO_WARNINGS: readonly OutputEntry[] = [];

/** A whole-line marker (first non-blank column to the end) for Monaco. */
function lineMarker(
  model: Editor.ITextModel,
  marker: FailureMarker,
  severity: number,
): Editor.IMarkerData {
  return {
    severity,
    message: marker.message,
    startLineNumber: marker.line,
    endLineNumber: marker.line,
    startColumn: model.getLineFirstNonWhitespaceColumn(marker.line) || 1,
    endColumn: model.getLineMaxColumn(marker.line),
  };
}

export interface CodeEditorProps {
  value: string;
  /** Changes when `value` comes from outside the editor and should replace its text. */
  revision: number;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  failure: LuaFailure | null;
  /** The run's warnings (what the platform would silently ignore), marked at their lines. */
  warnings?: readonly OutputEntry[];
  chunkName: string;
  /** The Lua the script speaks: its highlighting and the checks as you type. */
  dialect?: Dialect;
  /** Type diagnostics as warnings (`warn`), errors (`strict`) or not at all (`off`). */
  typeCheck?: TypeCheckMode;
  /** Ctrl/Cmd+. (Monaco would open quick fixes, which Lua has none of). */
  onStop?(): void;
  theme?: EditorTheme;
  /** Where the cursor goes when a new `revision` replaces the text. */
  cursor?: { line: number; column: number };
  onCursorChange?(position: { line: number; column: number }): void;
  /** Tab moves the focus out of the editor instead of indenting (Ctrl+M toggles it). */
  tabFocus?: boolean;
  onTabFocusChange?(tabFocus: boolean): void;
}

/** A project's file that is not Lua (`_index.yaml`, a README) is shown as plain text. */
const isLuaChunk = (chunkName: string) => !/\.(ya?ml|json|md|txt|lock)$/i.test(chunkName);

function checkIfLua(checker: DialectChecker, model: Editor.ITextModel, settings: CheckSettings) {
  if (isLuaChunk(settings.chunkName)) return checker.schedule(model, settings);
  monaco.editor.setModelMarkers(model, DIALECT_OWNER, []);
}

export function CodeEditor({
  value,
  revision,
  onChange,
  onRun,
  failure,
  warnings = NO_WARNINGS,
  chunkName,
  dialect = DEFAULT_DIALECT,
  typeCheck = DEFAULT_TYPE_CHECK,
  onStop,
  theme = 'dark',
  cursor,
  onCursorChange,
  tabFocus = false,
  onTabFocusChange,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor.IStandaloneCodeEditor | null>(null);
  // The latest callbacks, read by Monaco's listeners registered once on mount.
  const callbacks = useRef({ onChange, onRun, onStop, onCursorChange, onTabFocusChange, tabFocus });
  const appliedRevision = useRef(revision);
  const checkSettings = useRef<CheckSettings>({ dialect, typeCheck, chunkName });
  const checker = useRef<DialectChecker | null>(null);
  useEffect(() => {
    callbacks.current = { onChange, onRun, onStop, onCursorChange, onTabFocusChange, tabFocus };
  });

  useEffect(() => {
    registerLua();
    registerDialectProviders();
    applyDialectHighlighting(checkSettings.current.dialect);
    defineTheme();
    const model = monaco.editor.createModel(
      value,
      LUA_LANGUAGE_ID,
      monaco.Uri.parse(`file:///${chunkName}`),
    );
    const editor = monaco.editor.create(host.current!, {
      model,
      theme: editorThemeId(theme),
      tabFocusMode: tabFocus,
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
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () =>
      callbacks.current.onRun(),
    );
    const dialectChecker = new DialectChecker((checked, result) =>
      monaco.editor.setModelMarkers(checked, DIALECT_OWNER, toMarkers(checked, result.diagnostics)),
    );
    checker.current = dialectChecker;
    checkIfLua(dialectChecker, model, checkSettings.current);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Period, () =>
      callbacks.current.onStop?.(),
    );
    // Monaco's own Ctrl+M toggle is a global flag the page could not show; this one is a prop.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, () =>
      callbacks.current.onTabFocusChange?.(!callbacks.current.tabFocus),
    );
    if (cursor) {
      editor.setPosition({ lineNumber: cursor.line, column: cursor.column });
      editor.revealLineInCenterIfOutsideViewport(cursor.line);
    }
    const cursorSub = editor.onDidChangeCursorPosition((e) =>
      callbacks.current.onCursorChange?.({
        line: e.position.lineNumber,
        column: e.position.column,
      }),
    );
    const sub = model.onDidChangeContent(() => {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      monaco.editor.setModelMarkers(model, WARNING_OWNER, []);
      checkIfLua(dialectChecker, model, checkSettings.current);
      callbacks.current.onChange(model.getValue());
    });
    // A location clicked in the console (main.lua:12:) puts the cursor on that line.
    const stopRevealing = onRevealLine((line) => {
      const target = Math.min(line, model.getLineCount());
      editor.setPosition({
        lineNumber: target,
        column: model.getLineFirstNonWhitespaceColumn(target) || 1,
      });
      editor.revealLineInCenterIfOutsideViewport(target);
      editor.focus();
    });
    return () => {
      sub.dispose();
      stopRevealing();
      dialectChecker.dispose();
      checker.current = null;
      cursorSub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor is created once; value changes are applied by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    checkSettings.current = { dialect, typeCheck, chunkName };
    applyDialectHighlighting(dialect);
    const model = editorRef.current?.getModel();
    if (!model) return;
    // A project's other files (its _index.yaml) are plain text: no Lua colours or checks.
    monaco.editor.setModelLanguage(model, isLuaChunk(chunkName) ? LUA_LANGUAGE_ID : 'plaintext');
    if (checker.current) checkIfLua(checker.current, model, checkSettings.current);
  }, [dialect, typeCheck, chunkName]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || revision === appliedRevision.current) return;
    appliedRevision.current = revision;
    // Another script: its own text and a fresh undo history (Ctrl+Z must not bring back the
    // script that was open before).
    if (model.getValue() !== value) model.setValue(value);
    const at = cursor ?? { line: 1, column: 1 };
    editor.setPosition({ lineNumber: at.line, column: at.column });
    editor.revealLineInCenterIfOutsideViewport(at.line);
    // Only a new revision replaces the text; `value` alone changes on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  useEffect(() => {
    if (editorRef.current) monaco.editor.setTheme(editorThemeId(theme));
  }, [theme]);

  useEffect(() => {
    editorRef.current?.updateOptions({ tabFocusMode: tabFocus });
  }, [tabFocus]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const marker = failure
      ? failureMarker(failure, chunkName, model.getLineCount(), model.getValue())
      : null;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      marker ? [lineMarker(model, marker, monaco.MarkerSeverity.Error)] : [],
    );
    if (marker) editorRef.current?.revealLineInCenterIfOutsideViewport(marker.line);
  }, [failure, chunkName]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const markers = warningMarkers(warnings, model.getLineCount(), chunkName);
    monaco.editor.setModelMarkers(
      model,
      WARNING_OWNER,
      markers.map((m) => lineMarker(model, m, monaco.MarkerSeverity.Warning)),
    );
  }, [warnings, chunkName]);

  return <div className="code-editor" ref={host} data-testid="editor" />;
}
