/**
 * The one place where the check worker's offsets become Monaco markers: the model converts
 * each offset to a line and column of the text that was checked (the client only applies a
 * result to the model version it was computed for).
 */
import type { editor as Editor } from 'monaco-editor/editor/editor.api';
import type { EditorDiagnostic, EditorSeverity } from './dialect-protocol.ts';

/** Monaco's MarkerSeverity values (kept here so the conversion needs no Monaco at run time). */
const SEVERITY: Record<EditorSeverity, number> = { error: 8, warning: 4, info: 2 };

/** At most this many marks: a file full of mistakes must not flood the editor. */
export const MAX_DIALECT_MARKERS = 200;

export interface OffsetModel {
  getPositionAt(offset: number): { lineNumber: number; column: number };
}

export function toMarkers(
  model: OffsetModel,
  diagnostics: readonly EditorDiagnostic[],
): Editor.IMarkerData[] {
  return diagnostics.slice(0, MAX_DIALECT_MARKERS).map((d) => {
    const start = model.getPositionAt(d.start);
    const end = model.getPositionAt(Math.max(d.end, d.start + 1));
    return {
      severity: SEVERITY[d.severity],
      code: d.code,
      message: d.message,
      source: d.code.startsWith('P') ? 'syntax' : 'types',
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
}
