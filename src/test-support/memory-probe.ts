/**
 * What this process really holds, for the relay's memory tests: the relay, its peers and the
 * test share one process, so a test takes a baseline, lets an attack run, and compares.
 *
 *   await settleGarbage(); const before = liveBytes();
 *   …attack…
 *   const held = await heldSince(before);   // heap + external, after collection
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { collectGarbage } from './gc.ts';

/** Collect twice, a little apart, so that freed buffers are really gone from the count. */
export async function settleGarbage(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Buffers and typed arrays of this process: where queued messages live. */
export const externalBytes = (): number => process.memoryUsage().arrayBuffers;

/**
 * The JS heap and everything outside it (buffers, zlib's state): where queued frames live,
 * objects and all. Compiled code is left out: the first flood of a test file makes V8
 * compile ws's hot paths, megabytes that no peer holds.
 */
export function liveBytes(): number {
  const m = process.memoryUsage();
  let code = 0;
  for (const space of getHeapSpaceStatistics())
    if (space.space_name.startsWith('code_')) code += space.space_used_size;
  return m.heapUsed - code + m.external;
}

/**
 * What is held now beyond `before`: the least of a few samples, each taken right after a full
 * collection. Right after: a process still busy (a relay trickling bytes into a socket) fills
 * the young generation with megabytes of fresh garbage within 50 ms. The least: V8 sweeps
 * concurrently, so one sample can still count pages not swept yet. Memory that is really held
 * is in every sample, so the least one still shows it.
 */
export async function heldSince(before: number, samples = 3): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < samples; i++) {
    collectGarbage();
    least = Math.min(least, liveBytes() - before);
    await new Promise((r) => setTimeout(r, 50));
  }
  return least;
}

/** Sample `measure` every 10 ms while `work` runs; returns the largest value seen. */
export async function peakDuring(
  measure: () => number,
  work: () => Promise<void>,
): Promise<number> {
  let peak = measure();
  const timer = setInterval(() => (peak = Math.max(peak, measure())), 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, measure());
}
