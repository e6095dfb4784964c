/** Test helpers: check a source and read its diagnostics as `{line, col, code, message}`. */
import { parse } from '../parser.ts';
import { check } from './checker.ts';

export interface Expectation {
  line: number;
  col: number;
  code: string;
  message: string;
}

export function diagnosticsOf(source: string): Expectation[] {
  const parsed = parse(source);
  if (parsed.errors.length > 0) {
    throw new Error(
      `syntax errors: ${parsed.errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`,
    );
  }
  return check(parsed.chunk).diagnostics.map(({ line, col, code, message }) => ({
    line,
    col,
    code,
    message,
  }));
}
