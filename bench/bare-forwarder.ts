/**
 * The floor of any relay: a `ws` server that forwards every message of a client to the URL
 * given in its query (`/?to=ws://…`) and back, with nothing else (no protocol, no budget, no
 * flow control), in a process of its own as the relay is. relay-echo.ts compares the relay's
 * round trip with this one's to tell the relay's own code from the cost of one more hop.
 *
 *   const bare = await startBareForwarder();   // bare.url(target); bare.close()
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';

export interface BareForwarder {
  url(target: string): string;
  close(): void;
}

export async function startBareForwarder(): Promise<BareForwarder> {
  const child = fork(fileURLToPath(import.meta.url), ['child'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve) => child.once('message', resolve));
  return {
    url: (target) => `ws://127.0.0.1:${port}/?to=${encodeURIComponent(target)}`,
    close: () => child.kill(),
  };
}

function serve(): void {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => {
    const address = wss.address();
    process.send?.(typeof address === 'object' && address ? address.port : 0);
  });
  wss.on('connection', (client, req) => {
    const target = new URL(req.url ?? '/', 'ws://x').searchParams.get('to') ?? '';
    const upstream = new WebSocket(target, { perMessageDeflate: false });
    const early: [Buffer, boolean][] = [];
    client.on('message', (data: Buffer, binary) =>
      upstream.readyState === WebSocket.OPEN
        ? upstream.send(data, { binary })
        : early.push([data, binary]),
    );
    upstream.on('open', () => early.forEach(([data, binary]) => upstream.send(data, { binary })));
    upstream.on('message', (data: Buffer, binary) => client.send(data, { binary }));
    upstream.on('close', () => client.close());
    client.on('close', () => upstream.close());
    upstream.on('error', () => client.terminate());
    client.on('error', () => upstream.terminate());
  });
  process.on('disconnect', () => process.exit(0));
}

if (process.argv[2] === 'child') serve();
