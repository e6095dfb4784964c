/**
 * The playground (page, relay, demo servers) as `npm start` runs it: in a Node process of its
 * own. Started in the bench process instead, the relay would share its event loop with
 * Playwright, which receives a CDP event for every WebSocket frame of the page: work that sits
 * on the relay's path in the middle of every round trip, and that no real deployment has.
 *
 *   const pg = await startPlaygroundProcess();   // pg.url, pg.token, pg.pid; await pg.close()
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RelayStats } from '../src/server/relay/relay-server.ts';

/** The child's memory after a full collection, and its relay's figures. */
export interface PlaygroundMemory {
  rss: number;
  heapUsed: number;
  external: number;
  relay: RelayStats;
}

export interface PlaygroundProcess {
  url: string;
  port: number;
  token: string;
  pid: number;
  memory(): Promise<PlaygroundMemory>;
  close(): Promise<void>;
}

type Ready = { type: 'ready'; url: string; port: number; token: string };
type Reply = Ready | ({ type: 'memory' } & PlaygroundMemory);

const CHILD = fileURLToPath(new URL('./playground-child.ts', import.meta.url));

export async function startPlaygroundProcess(): Promise<PlaygroundProcess> {
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m: Ready) => resolve(m));
    child.once('exit', (code) => reject(new Error(`the playground process exited (${code})`)));
  });
  const waiting: ((m: PlaygroundMemory) => void)[] = [];
  child.on('message', (m: Reply) => {
    if (m.type === 'memory') waiting.shift()?.(m);
  });
  return {
    url: ready.url,
    port: ready.port,
    token: ready.token,
    pid: child.pid!,
    memory() {
      const reply = new Promise<PlaygroundMemory>((resolve) => waiting.push(resolve));
      child.send({ type: 'memory' });
      return reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
