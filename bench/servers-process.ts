/**
 * The benchmarks' WebSocket servers, run in a process of their own (forked by servers.ts) so
 * that the server's work never shares an event loop with the client being measured.
 *
 *   /flood?n=200000&size=32  after the client's first message, n text messages of `size`
 *                            bytes as fast as the socket drains, then close 1000
 *   /pingpong?n=2000&tag=t   after the client's first message, n sequential round trips:
 *                            send, wait for the echo, send the next; the round-trip times
 *                            (server clock, µs) are kept under `tag` for the parent to read
 *   /echo                    every message back as it came (up to 64 MiB)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import type { ServerReply, ServerRequest } from './servers.ts';

const HIGH_WATER = 1 << 20;
const roundTrips = new Map<string, number[]>();

function flood(socket: WebSocket, count: number, size: number): void {
  const payload = Buffer.alloc(size, 'x');
  let sent = 0;
  const pump = () => {
    while (sent < count) {
      socket.send(payload, { binary: false });
      sent++;
      // Wait for the kernel to take what is queued; the client's pace decides ours.
      if (socket.bufferedAmount > HIGH_WATER) return void setTimeout(pump, 1);
    }
    socket.close(1000, 'done');
  };
  pump();
}

function pingPong(socket: WebSocket, count: number, tag: string): void {
  const samples: number[] = [];
  roundTrips.set(tag, samples);
  let sentAt = 0n;
  const next = () => {
    if (samples.length === count) return void socket.close(1000, 'done');
    sentAt = process.hrtime.bigint();
    socket.send(`ping ${samples.length}`);
  };
  socket.on('message', () => {
    samples.push(Number(process.hrtime.bigint() - sentAt) / 1000);
    next();
  });
  next();
}

const http = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server: http, maxPayload: 64 * 1024 * 1024 });
wss.on('connection', (socket, req) => {
  socket.on('error', () => {});
  const url = new URL(req.url ?? '/', 'http://bench');
  const count = Number(url.searchParams.get('n') ?? 0);
  if (url.pathname === '/echo') {
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
    return;
  }
  // The others start on the client's first message: it is ready to count by then.
  socket.once('message', () => {
    if (url.pathname === '/flood') flood(socket, count, Number(url.searchParams.get('size')));
    else if (url.pathname === '/pingpong')
      pingPong(socket, count, url.searchParams.get('tag') ?? '');
    else socket.close(1008, 'unknown bench endpoint');
  });
});

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.send?.({ type: 'ready', base: `ws://127.0.0.1:${port}` } satisfies ServerReply);
});

process.on('message', (request: ServerRequest) => {
  if (request.type === 'round-trips')
    process.send?.({
      type: 'round-trips',
      tag: request.tag,
      samples: roundTrips.get(request.tag) ?? [],
    } satisfies ServerReply);
});
// The parent's end is ours: no orphan keeps a port open.
process.on('disconnect', () => process.exit(0));
