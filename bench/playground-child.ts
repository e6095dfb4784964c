/**
 * The child side of playground-process.ts: `npm start`'s server on a free port, which reports
 * its address over IPC, answers memory questions (see relay-memory.ts), and ends with its
 * parent.
 */
import { startPlayground } from '../src/server/start.ts';

const playground = await startPlayground({ port: 0, log: () => {} });

type Question = { type: 'memory' };
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const pause = () => new Promise((resolve) => setTimeout(resolve, 100));

process.on('message', async (q: Question) => {
  if (q.type !== 'memory') return;
  // Three collections a little apart: buffers are freed after the collection that finds them.
  for (let i = 0; i < 3; i++) {
    gc();
    await pause();
  }
  const m = process.memoryUsage();
  process.send?.({
    type: 'memory',
    rss: m.rss,
    heapUsed: m.heapUsed,
    external: m.external,
    relay: playground.mount.relay.stats(),
  });
});
process.send?.({
  type: 'ready',
  url: playground.url,
  port: playground.port,
  token: playground.token,
});
const stop = (): void => void playground.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
