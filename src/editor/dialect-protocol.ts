/**
 * What the editor asks its check worker and what comes back (dialect.worker.ts). Positions
 * are offsets into the text that was sent (UTF-16 code units, as JS strings and Monaco's
 * `getPositionAt` count), so only dialect-markers.ts turns them into lines and columns.
 */
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';

export interface CheckRequest {
  type: 'check';
  /** Grows with every request; only the newest answer is applied. */
  id: number;
  code: string;
  dialect: Dialect;
  typeCheck: TypeCheckMode;
  chunkName: string;
}

export type EditorSeverity = 'error' | 'warning' | 'info';

export interface EditorDiagnostic {
  start: number;
  end: number;
  severity: EditorSeverity;
  /** `P0001` for syntax errors, the platform's `E…` codes for type errors. */
  code: string;
  message: string;
}

/** A name's type at a place, for hovers (the checker's position → type table). */
export interface TypeAt {
  start: number;
  end: number;
  name: string;
  type: string;
}

export interface CheckResult {
  diagnostics: EditorDiagnostic[];
  types: TypeAt[];
  /** Type names declared in the script (`type Point = …`), for completions. */
  typeNames: string[];
}

export interface CheckResponse extends CheckResult {
  type: 'checked';
  id: number;
}
