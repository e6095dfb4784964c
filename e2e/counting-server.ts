/**
 * A WebSocket server of the test's own on a free loopback port that counts the connections
 * it accepts: the proof that a denied connect never reached the network.
 */
import { WebSocketServer } from 'ws';

export interface CountingServer {
  url: string;
  connections(): number;
  close(): Promise<void>;
}

export async function startCountingServer(): Promise<CountingServer> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  let accepted = 0;
  wss.on('connection', (ws) => {
    accepted++;
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const { port } = wss.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/count`,
    connections: () => accepted,
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}
