/**
 * The engine's exact float formatting (fengari `src/lprintf.js`, from our patch: glibc's
 * digits, rounded half to even from the exact binary value), which is also what Go's strconv
 * prints for `%e` and `%f` with a precision, and for `%g` with one.
 */
import * as engine from 'fengari/src/lprintf.js';

export const lprintf = engine;
