/**
 * Test helpers: run a chunk under the wippy dialect and read what it printed, its warnings
 * (with their lines) and its error. Rows cited in the tests are those of
 * ../shared/reference/platform-lua.md (area | case).
 */
import { lua, type RunResult } from '../../run-for-test.ts';

export async function wippy(code: string, strict = false): Promise<RunResult> {
  return lua(code, { dialect: 'wippy', strict });
}

/** The printed lines of a chunk that must finish. */
export async function printed(code: string): Promise<string[]> {
  const r = await wippy(code);
  if (r.end.status !== 'finished') {
    const why = r.end.status === 'error' ? r.end.failure.message : r.end.status;
    throw new Error(`the chunk did not finish: ${why}\n${r.output}`);
  }
  return r.lines.filter((line) => !line.startsWith('[warn] '));
}

/** The warnings of a run, as `line: message`. */
export async function warnings(code: string): Promise<string[]> {
  const r = await wippy(code);
  return r.warnings.map((w) => `${w.line ?? '?'}: ${w.text}`);
}

/** The error message of a chunk that must fail. */
export async function failure(code: string): Promise<string> {
  const r = await wippy(code);
  if (r.end.status !== 'error') throw new Error(`expected an error, got ${r.end.status}`);
  return r.end.failure.message;
}
