/**
 * A widget's hidden set-up code (its prelude) runs before the shown snippet, in the same Lua
 * state, as a chunk of its own named "prelude" (src/runtime/run.ts `RunOptions.prelude`): its
 * globals are visible to the snippet, its locals are not, and the snippet keeps the line
 * numbers the reader sees. The runtime loads it itself, in the run's dialect: the platform's
 * Lua has no `load` a composed chunk could call.
 */
export const PRELUDE_CHUNK_NAME = 'prelude';
