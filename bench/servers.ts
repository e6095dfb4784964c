/** The parent's handle on bench/servers-process.ts: its URLs and the round trips it timed. */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type ServerRequest = { type: 'round-trips'; tag: string };
export type ServerReply =
  { type: 'ready'; base: string } | { type: 'round-trips'; tag: string; samples: number[] };

export interface BenchServers {
  floodUrl(count: number, size: number): string;
  pingPongUrl(count: number, tag: string): string;
  echoUrl: string;
  /** Round-trip times in µs that /pingpong measured for `tag`. */
  roundTrips(tag: string): Promise<number[]>;
  close(): void;
}

export async function startBenchServers(): Promise<BenchServers> {
  const child: ChildProcess = fork(
    fileURLToPath(new URL('./servers-process.ts', import.meta.url)),
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const replies: ((reply: ServerReply) => void)[] = [];
  child.on('message', (reply: ServerReply) => replies.shift()?.(reply));
  const nextReply = () => new Promise<ServerReply>((resolve) => replies.push(resolve));

  const ready = await nextReply();
  if (ready.type !== 'ready') throw new Error('bench servers did not start');
  const base = ready.base;
  return {
    floodUrl: (count, size) => `${base}/flood?n=${count}&size=${size}`,
    pingPongUrl: (count, tag) => `${base}/pingpong?n=${count}&tag=${encodeURIComponent(tag)}`,
    echoUrl: `${base}/echo`,
    async roundTrips(tag) {
      const reply = nextReply();
      child.send({ type: 'round-trips', tag } satisfies ServerRequest);
      const answer = await reply;
      return answer.type === 'round-trips' ? answer.samples : [];
    },
    close: () => child.kill(),
  };
}
