/**
 * Peak memory of a piece of work in this process: heap plus external (Buffers, typed arrays),
 * sampled every 2 ms above a baseline taken after a full collection.
 */
import { collectGarbage } from '../src/test-support/gc.ts';

const inUse = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

export async function peakMemory<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  // Twice, a turn apart: what the previous work let go of in its last callbacks goes too.
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  const baseline = inUse();
  let peak = 0;
  const sample = () => (peak = Math.max(peak, inUse() - baseline));
  const timer = setInterval(sample, 2);
  try {
    const value = await work();
    sample();
    return { value, peak };
  } finally {
    clearInterval(timer);
  }
}
