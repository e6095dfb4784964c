/**
 * What a leak test measures: the heap after a full collection, and the process's open
 * handles by type (sockets, servers, timers), to compare before and after a workload.
 */
import { collectGarbage } from '../test-support/gc.ts';

/** Bytes of JS heap in use after full collections (a few, so weak/finalised objects go too). */
export function settledHeapUsed(): number {
  for (let i = 0; i < 3; i++) collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Open handles by type, e.g. { TCPSocketWrap: 2, TCPServerWrap: 1, Timeout: 3 }. */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Open handles other than timers (vitest's own come and go): sockets, servers, pipes. */
export function openHandles(): Record<string, number> {
  const all = Object.entries(activeResources());
  return Object.fromEntries(all.filter(([type]) => type !== 'Timeout' && type !== 'Immediate'));
}

/**
 * openHandles() once it holds still for a few samples: a server closed just before still
 * counts until libuv has finished closing it.
 */
export async function settledHandles(timeoutMs = 5000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let last = openHandles();
  let still = 0;
  while (still < 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const next = openHandles();
    still = JSON.stringify(next) === JSON.stringify(last) ? still + 1 : 0;
    last = next;
  }
  return last;
}

export const MiB = 1024 * 1024;
