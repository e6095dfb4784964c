/**
 * Where a Lua failure points in the user's script: `LuaFailure.line` when the runtime knew it,
 * else the first `chunk:line:` in the message or traceback (`main.lua:12: boom`,
 * `[string "main.lua"]:12: boom`).
 */
import type { LuaFailure } from '../shared/run-events.ts';

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
): FailureMarker | null {
  const line =
    failure.line ??
    lineFromText(failure.message, chunkName) ??
    lineFromText(failure.traceback, chunkName);
  if (line === undefined || !Number.isFinite(line)) return null;
  return { line: Math.min(Math.max(1, line), Math.max(1, lineCount)), message: failure.message };
}
