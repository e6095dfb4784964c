/**
 * Where a Lua failure points in the user's script: `LuaFailure.line` when the runtime knew it,
 * else the first `chunk:line:` in the message or traceback (`main.lua:12: boom`,
 * `[string "main.lua"]:12: boom`). Warnings (src/runtime/warnings.ts) carry their line.
 */
import type { LuaFailure, OutputEntry } from '../shared/run-events.ts';
import { syntaxMarks } from './syntax-errors.ts';

export interface FailureMarker {
  /** 1-based line, clamped to the document. */
  line: number;
  message: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function lineFromText(text: string, chunkName: string): number | undefined {
  const chunk = escapeRegExp(chunkName);
  const re = new RegExp(`(?:\\[string "${chunk}"\\]|${chunk}):(\\d+):`);
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function failureMarker(
  failure: LuaFailure,
  chunkName: string,
  lineCount: number,
  /** The script as run: a syntax error at the end of the file is marked on its last code line. */
  source?: string,
): FailureMarker | null {
  const syntax = source === undefined ? null : syntaxMarks(failure.message, chunkName, source);
  const line =
    (syntax && /near <eof>$/.test(syntax.message) ? syntax.line : undefined) ??
    failure.line ??
    lineFromText(failure.message, chunkName) ??
    lineFromText(failure.traceback, chunkName);
  if (line === undefined || !Number.isFinite(line)) return null;
  return { line: Math.min(Math.max(1, line), Math.max(1, lineCount)), message: failure.message };
}

/** At most this many warning markers: a warning in a loop must not flood the editor. */
export const MAX_WARNING_MARKERS = 100;

/**
 * One marker per distinct (line, message) among the run's warnings, in order, clamped to the
 * document; warnings without a line get none, nor do those of another file than `chunkName`
 * (a project's warning names its file; one without a file is the script's own).
 */
export function warningMarkers(
  warnings: readonly Pick<OutputEntry, 'line' | 'chunk' | 'text'>[],
  lineCount: number,
  chunkName?: string,
): FailureMarker[] {
  const seen = new Set<string>();
  const markers: FailureMarker[] = [];
  for (const w of warnings) {
    if (w.line === undefined || !Number.isFinite(w.line)) continue;
    if (w.chunk !== undefined && w.chunk !== chunkName) continue;
    const line = Math.min(Math.max(1, w.line), Math.max(1, lineCount));
    const key = `${line}\n${w.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    markers.push({ line, message: w.text });
    if (markers.length === MAX_WARNING_MARKERS) break;
  }
  return markers;
}
