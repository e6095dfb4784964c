/**
 * Runs a script under the `wippy` dialect for the engine's dialect tests: the lines it
 * printed, or the message of the error that ended it. Each script prints one string or
 * number per `print`, which reads the same whichever `print` the libraries give the dialect.
 */
import { lua } from '../../runtime/run-for-test.ts';
import type { Dialect } from '../../shared/dialect.ts';

/** The printed lines of a script that must finish. */
export async function linesOf(code: string, dialect: Dialect = 'wippy'): Promise<string[]> {
  const result = await lua(code, { dialect });
  if (result.end.status !== 'finished') {
    const why = result.end.status === 'error' ? result.end.failure.message : result.end.status;
    throw new Error(`the script did not finish: ${why}\n${result.output}`);
  }
  // Warnings (the engine's own under wippy: vm-warnings.ts) are checked by the tests that
  // expect them, from `warnings`; the printed lines are the script's.
  return result.lines.filter((line) => !line.startsWith('[warn] '));
}

/** The message of the error that ends a script (which must fail). */
export async function errorOf(code: string, dialect: Dialect = 'wippy'): Promise<string> {
  const result = await lua(code, { dialect });
  if (result.end.status !== 'error') throw new Error(`the script did not fail:\n${result.output}`);
  return result.end.failure.message;
}
