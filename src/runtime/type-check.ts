/**
 * The checker's part in a run (issue 17), as the platform's `lua.type_system` settings have it:
 * under the `wippy` dialect each type diagnostic is a warning at its line through the usual
 * warning path (console, editor marker, CLI `warning: main.lua:3: …`) and the run goes ahead;
 * `strict` (or the CLI's `--strict`, which makes every warning an error) refuses the script
 * before it runs with the platform's text (`type errors in main.lua: 1:19 …; …`); `off` and
 * the `lua53` dialect check nothing. A script with syntax errors is left to the loader,
 * whose message names the line.
 */
import { check } from '../dialect/check/checker.ts';
import { typeErrorsMessage } from '../dialect/check/diagnostic.ts';
import { DEFAULT_TYPE_CHECK } from '../shared/dialect.ts';
import type { ParseResult } from '../dialect/ast.ts';
import type { LuaFailure } from '../shared/run-events.ts';
import type { RunOptions } from './run.ts';

/** A script full of mistakes warns about the first ones only. */
const MAX_TYPE_WARNINGS = 50;

/**
 * Report the script's type diagnostics (`parsed` is the wippy script's tree, which the loader
 * then erases); returns the refusal when the run must not start.
 */
export function checkTypesBeforeRun(options: RunOptions, parsed: ParseResult): LuaFailure | null {
  const mode = options.typeCheck ?? DEFAULT_TYPE_CHECK;
  if (mode === 'off') return null;
  if (parsed.errors.length > 0) return null;
  const { diagnostics } = check(parsed.chunk);
  if (diagnostics.length === 0) return null;
  if (mode === 'strict' || options.strict) {
    return {
      message: typeErrorsMessage(options.chunkName, diagnostics),
      traceback: '',
      line: diagnostics[0].line,
    };
  }
  for (const d of diagnostics.slice(0, MAX_TYPE_WARNINGS)) {
    options.observer.output({
      stream: 'warn',
      text: `${d.message} (${d.code})`,
      line: d.line,
      time: Date.now(),
    });
  }
  return null;
}
