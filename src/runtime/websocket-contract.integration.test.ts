/**
 * The contract's table of bad input, timeouts and method results, asserted against a real
 * server that records every handshake: a refused call must not have opened anything.
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

describe('websocket.connect refuses bad input with INVALID and opens nothing', () => {
  it.each([
    ['"http://127.0.0.1/"', 'unsupported URL scheme "http"'],
    ['"ws://"', 'invalid URL'],
    ['URL, { headers = { Host = "x" } }', 'header "Host" is set by the WebSocket protocol'],
    ['URL, { headers = { ["X-A"] = "a\\r\\nB: c" } }', 'must not contain CR, LF or NUL'],
    ['URL, { headers = { [1] = "x" } }', 'header names must be strings'],
    ['URL, { protocols = { "" } }', 'invalid subprotocol ""'],
    ['URL, { protocols = { "a b" } }', 'invalid subprotocol "a b"'],
    ['URL, { dial_timeout = -1 }', 'dial_timeout must not be negative'],
    ['URL, { read_timeout = "1 minute" }', 'read_timeout'],
    ['URL, { write_timeout = 0/0 }', 'write_timeout must not be NaN'],
    ['URL, { compression = 7 }', 'compression must be between 0 and 2'],
    [
      'URL, { compression_threshold = -1 }',
      'compression_threshold must be between 0 and 104857600',
    ],
    ['URL, { read_limit = 200 * 1024 * 1024 }', 'read_limit must be between 0 and 134217728'],
    ['URL, { channel_capacity = 0 }', 'channel_capacity must be between 1 and 10000'],
    ['URL, { chanel_capacity = 5 }', 'unknown option "chanel_capacity"'],
  ])('connect(%s)', async (args, message) => {
    const before = s.handshakes.length;
    const [line] = await linesOf(`
      local URL = "${s.url}"
      local c, err = websocket.connect(${args})
      print(c, err:kind(), err:retryable(), err:message())
    `);
    expect(line.startsWith('nil\tINVALID\tfalse\t')).toBe(true);
    expect(line).toContain(message);
    expect(s.handshakes.length).toBe(before);
  });

  it('raises an argument error for arguments of the wrong type', async () => {
    expect(
      await linesOf(`
        print(pcall(function() return websocket.connect({}) end))
        print(pcall(function() return websocket.connect("${s.url}", "fast") end))
      `),
    ).toEqual([
      "false\tmain.lua:2: bad argument #1 to 'connect' (string expected, got table)",
      "false\tmain.lua:3: bad argument #2 to 'connect' (table expected, got string)",
    ]);
  });
});

describe('client methods', () => {
  it('validate their arguments and behave as the contract says', async () => {
    expect(
      await linesOf(`
        local c = assert(websocket.connect("${s.url}"))
        print(c:send("\\255\\254"))
        print(c:send("x", 3))
        print(pcall(function() return c:send({}) end))
        print(c:ping())
        print(c:close(1005))
        print(c:close(1000, string.rep("r", 124)))
        print(c:close(4000, "bye"))
        print(c:close())
        print(c:close_info())
        print(c:send("late"))
        print(c:channel() == c:channel())
      `),
    ).toEqual([
      'false\tINVALID: a TEXT message must be valid UTF-8; send bytes as websocket.BINARY',
      'false\tINVALID: message type must be websocket.TEXT (1) or websocket.BINARY (2), got 3',
      "false\tmain.lua:5: bad argument #1 to 'send' (string expected, got table)",
      'true',
      'false\tINVALID: close code 1005 is not allowed: use 1000-4999 except 1004, 1005, 1006 and 1015',
      'false\tINVALID: close reason is 124 bytes; at most 123 are allowed',
      'true',
      'true',
      '4000\tbye',
      'false\tINTERNAL: connection closed',
      'true',
    ]);
    const sent = s.sockets.at(-1);
    expect(sent).toBeDefined();
  });

  it('answer pings: the server sees the ping frame', async () => {
    const pings: string[] = [];
    const server = await startWsServer((socket) =>
      socket.on('ping', (data) => pings.push(String(data))),
    );
    try {
      const r = await lua(
        `local c = assert(websocket.connect("${server.url}")) assert(c:ping()) time.sleep("50ms") c:close()`,
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
      local t0 = time.now()
      local v, ok = c:channel():receive()
      print(v, ok, time.now():sub(t0):milliseconds() >= 90, c:close_info())
    `);
    expect(line).toBe('nil\tfalse\ttrue\t1001\tread timeout');
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
          if not ok then print(err:kind(), err:retryable(), err:message()) break end
        end
      `);
      expect(line).toBe('TIMEOUT\ttrue\twrite timeout: the message was not sent within 200 ms');
    } finally {
      await stalled.close();
    }
  });
});
