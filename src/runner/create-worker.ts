/**
 * The real Lua worker (src/runtime/worker.ts, owned by the runtime), as an ES module worker
 * that Vite bundles from this `new URL(..., import.meta.url)` expression.
 */
import type { WorkerLike } from './runner.ts';

export function createLuaWorker(): WorkerLike {
  return new Worker(new URL('../runtime/worker.ts', import.meta.url), {
    type: 'module',
    name: 'lua-runtime',
  }) as unknown as WorkerLike;
}
