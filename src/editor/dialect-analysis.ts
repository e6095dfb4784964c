/**
 * What the editor shows of a script as it is typed, computed off the page in the check worker
 * (dialect.worker.ts) and in tests: syntax errors for both dialects (the front end's parser
 * for `wippy`, fengari's own for `lua53`), with a second mark on the opening token's line
 * when Lua's message names one, and, for `wippy`, the type checker's diagnostics as warnings
 * (`warn`) or errors (`strict`) plus its position → type table for hovers.
 */
import { parse } from '../dialect/parser.ts';
import { check } from '../dialect/check/checker.ts';
import { lua53SyntaxError } from './lua53-syntax.ts';
import { syntaxMarks } from './syntax-errors.ts';
import type { CheckRequest, CheckResult, EditorDiagnostic } from './dialect-protocol.ts';

/** The platform's code for a syntax error (`wippy lint`: P0001). */
export const SYNTAX_ERROR_CODE = 'P0001';

const EMPTY: CheckResult = { diagnostics: [], types: [], typeNames: [] };

export function analyze(request: CheckRequest): CheckResult {
  const { code, chunkName } = request;
  if (request.dialect === 'lua53') {
    const message = lua53SyntaxError(code, chunkName);
    return message ? { ...EMPTY, diagnostics: syntaxDiagnostics(message, chunkName, code) } : EMPTY;
  }
  const parsed = parse(code);
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    const message = `${chunkName}:${first.line}: ${first.message}`;
    return { ...EMPTY, diagnostics: syntaxDiagnostics(message, chunkName, code) };
  }
  const result = check(parsed.chunk);
  const severity = request.typeCheck === 'strict' ? 'error' : 'warning';
  const diagnostics: EditorDiagnostic[] =
    request.typeCheck === 'off'
      ? []
      : result.diagnostics.map((d) => ({
          start: d.start,
          end: Math.max(d.end, d.start + 1),
          severity,
          code: d.code,
          message: d.message,
        }));
  return { diagnostics, types: result.types, typeNames: result.typeNames };
}

/** The error's line (and the opening token's line) as offset ranges over their code. */
function syntaxDiagnostics(message: string, chunkName: string, code: string): EditorDiagnostic[] {
  const mark = syntaxMarks(message, chunkName, code);
  if (!mark)
    return [
      {
        start: 0,
        end: Math.min(code.length, 1),
        severity: 'error',
        code: SYNTAX_ERROR_CODE,
        message,
      },
    ];
  const lines = lineRanges(code);
  const diagnostics: EditorDiagnostic[] = [
    { ...lines(mark.line), severity: 'error', code: SYNTAX_ERROR_CODE, message: mark.message },
  ];
  if (mark.openLine !== undefined) {
    diagnostics.push({
      ...lines(mark.openLine),
      severity: 'info',
      code: SYNTAX_ERROR_CODE,
      message: `opened here, not closed: ${mark.message}`,
    });
  }
  return diagnostics;
}

/** The offsets of a line's text without its indentation (at least one character). */
function lineRanges(code: string): (line: number) => { start: number; end: number } {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') starts.push(i + 1);
  return (line) => {
    const index = Math.min(Math.max(1, line), starts.length) - 1;
    const lineStart = starts[index];
    const lineEnd = index + 1 < starts.length ? starts[index + 1] - 1 : code.length;
    const text = code.slice(lineStart, lineEnd);
    const indent = text.length - text.trimStart().length;
    const start = lineStart + Math.min(indent, Math.max(0, text.trimEnd().length - 1));
    return { start, end: Math.max(start + 1, lineStart + text.trimEnd().length) };
  };
}
