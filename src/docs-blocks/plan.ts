/**
 * How a block is run (run-block.ts): the expected table's run settings, with the run kind
 * decided from the code when the table does not say.
 */
export interface BlockPlan {
  /**
   * `entry`: the block is the process.lua entry `app.docs:block` (it returns `{ main = … }` or
   * defines `main`); `script`: a lone script beside the page's project.
   */
  run: 'script' | 'entry';
  /** One line put before the block's first line (on that line, so page lines stay right). */
  prelude?: string;
  /** A line after the block (an entry block that defines its main but does not return it). */
  postlude?: string;
  /** Lua of `app.docs:driver`, which then is the run's main and spawns `app.docs:block`. */
  driver?: string;
  /** Lines for `io.readline` (then the end of input). */
  input?: string[];
  /**
   * The block waits by design (a loop, a ticker): stop it after this many ms, and count it as
   * run when it printed something by then.
   */
  waitsMs?: number;
}

/** A whole entry: returns a table with `main`, or defines a function `main`. */
export function isEntry(code: string): boolean {
  return /\breturn\s*\{\s*main\s*=/.test(code) || /^\s*(local\s+)?function\s+main\s*\(/m.test(code);
}
