/**
 * The contract's timeouts and ping, asserted against real servers. Arguments, options and
 * method results as the platform has them: modules/websocket/*.integration.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lua } from './run-for-test.ts';
import { startWsServer, type TestServer } from '../test-support/ws-server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startWsServer();
});
afterAll(() => s.close());

async function linesOf(code: string): Promise<string[]> {
  const r = await lua(code);
  if (r.end.status === 'error')
    throw new Error(`${r.end.failure.message}\n${r.end.failure.traceback}`);
  return r.lines;
}

describe('client methods', () => {
  it('answer pings: the server sees the ping frame', async () => {
    const pings: string[] = [];
    const server = await startWsServer((socket) =>
      socket.on('ping', (data) => pings.push(String(data))),
    );
    try {
      const r = await lua(
        `local c = assert(websocket.connect("${server.url}")) assert(c:ping()) time.sleep(50) c:close()`,
      );
      expect(r.end.status).toBe('finished');
      expect(pings).toEqual(['']);
    } finally {
      await server.close();
    }
  });
});

describe('timeouts', () => {
  it('closes the connection when read_timeout passes without a message', async () => {
    const [line] = await linesOf(`
      local c = assert(websocket.connect("${s.url}", { read_timeout = "100ms" }))
      local v, ok = c:channel():receive()
      print(v, ok, c:close_info())
    `);
    // No close frame, as on the platform: the connection ends abnormally (1006).
    expect(line).toBe('nil\tfalse\t1006\t');
  });

  it('fails a send with a retryable TIMEOUT when the socket does not drain in write_timeout', async () => {
    const stalled = await startWsServer((socket) => {
      // Stop reading from TCP: the client's writes back up once the kernel buffers are full.
      (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    });
    try {
      const [line] = await linesOf(`
        local c = assert(websocket.connect("${stalled.url}", { write_timeout = "200ms" }))
        local chunk = string.rep("x", 4 * 1024 * 1024)
        for i = 1, 64 do
          local ok, err = c:send(chunk, websocket.BINARY)
          if not ok then print(err:kind() == errors.TIMEOUT, err:retryable(), err:message()) break end
        end
      `);
      expect(line).toBe('true\ttrue\twrite timeout: the message was not sent within 200 ms');
    } finally {
      await stalled.close();
    }
  });
});
