/**
 * `gc` without restarting Node with --expose-gc (for leak tests and memory benchmarks):
 * setting the flag at runtime makes V8 define `gc` in contexts created afterwards, so a fresh
 * context lends us its function.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = () => void;

function obtainGc(): Collect {
  const existing = (globalThis as { gc?: Collect }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as Collect;
}

/** A full garbage collection, now. */
export const collectGarbage: Collect = obtainGc();
