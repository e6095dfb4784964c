/**
 * The Node baseline of the receive benchmark, in a process of its own like the Lua CLI it is
 * compared with: `tsx bench/raw-counter.ts <url>` counts the flood's messages with a plain
 * `ws` 'message' listener and prints `received N` and `elapsed MS` (first message to close).
 */
import { WebSocket } from 'ws';

const socket = new WebSocket(process.argv[2]!);
let received = 0;
let started = 0;
socket.on('open', () => socket.send('go'));
socket.on('message', () => {
  if (received++ === 0) started = performance.now();
});
socket.on('error', (err) => {
  console.error(err.message);
  process.exitCode = 1;
});
socket.on('close', () => {
  console.log(`received ${received}`);
  console.log(`elapsed ${performance.now() - started}`);
});
