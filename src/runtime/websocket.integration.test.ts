import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { lua, runLua } from './run-for-test.ts';
import { startWsServer, type TestServer } from '../test-support/ws-server.ts';
import { DEFAULT_POLICY } from '../policy/presets.ts';

let servers: TestServer[] = [];
let tcpServers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const s of tcpServers) s.close();
  servers = [];
  tcpServers = [];
});

async function server(...args: Parameters<typeof startWsServer>): Promise<TestServer> {
  const s = await startWsServer(...args);
  servers.push(s);
  return s;
}

function expectFinished(result: Awaited<ReturnType<typeof lua>>): void {
  if (result.end.status === 'error')
    throw new Error(
      `${result.end.failure.message}\n${result.end.failure.traceback}\n${result.output}`,
    );
  expect(result.end.status).toBe('finished');
}

describe('websocket over real sockets (Node transport)', () => {
  it('echoes text and binary with every byte value', async () => {
    const s = await server();
    const r = await lua(`
      local c = assert(websocket.connect("${s.url}/ws"))
      local bytes = {}
      for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
      local all = table.concat(bytes)
      assert(c:send("héllo ✓"))
      assert(c:send(all, websocket.BINARY))
      local ch = c:channel()
      local m1 = ch:receive()
      local m2 = ch:receive()
      assert(m1.type == "text" and m1.data == "héllo ✓", m1.data)
      assert(m2.type == websocket.TYPE_BINARY and m2.data == all and #m2.data == 256)
      print(tostring(c))
      c:close()
      print(c:close_info())
    `);
    expectFinished(r);
    expect(r.lines).toEqual([`websocket.client(${s.url}/ws, open)`, '1000\t']);
  });

  it('sends the custom headers and offers the subprotocols the server sees', async () => {
    const s = await server(undefined, {
      handleProtocols: (protocols) => (protocols.has('graphql-ws') ? 'graphql-ws' : false),
    });
    const r = await lua(`
      local c = assert(websocket.connect("${s.url}/h", {
        headers = { ["Authorization"] = "Bearer abc", ["X-Trace"] = "42" },
        protocols = { "v1.chat", "graphql-ws" },
      }))
      c:close()
    `);
    expectFinished(r);
    const h = s.handshakes[0].headers;
    expect(h.authorization).toBe('Bearer abc');
    expect(h['x-trace']).toBe('42');
    expect(h['sec-websocket-protocol']).toBe('v1.chat,graphql-ws');
    expect(r.connections.at(-1)).toMatchObject({ protocol: 'graphql-ws', state: 'closed' });
  });

  it.each([
    ['DISABLED', undefined],
    ['CONTEXT_TAKEOVER', 'permessage-deflate; client_max_window_bits'],
    [
      'NO_CONTEXT',
      'permessage-deflate; server_no_context_takeover; client_no_context_takeover; client_max_window_bits',
    ],
  ])('offers compression %s as negotiated', async (mode, offered) => {
    const s = await server(undefined, { perMessageDeflate: true });
    const r = await lua(`
      local c = assert(websocket.connect("${s.url}", { compression = websocket.COMPRESSION.${mode} }))
      c:send(string.rep("compress me ", 100))
      local m = c:channel():receive()
      assert(#m.data == 1200)
      c:close()
    `);
    expectFinished(r);
    expect(s.handshakes[0].headers['sec-websocket-extensions']).toBe(offered);
    const extensions = r.connections.find((c) => c.state === 'open')?.extensions ?? '';
    expect(extensions.includes('permessage-deflate')).toBe(mode !== 'DISABLED');
  });

  it('reports the server close code and reason through close_info', async () => {
    const s = await server((socket) => socket.close(4001, 'bye now'));
    const r = await lua(`
      local c = assert(websocket.connect("${s.url}"))
      local v, ok = c:channel():receive()
      print(v, ok, c:close_info())
    `);
    expectFinished(r);
    expect(r.lines).toEqual(['nil\tfalse\t4001\tbye now']);
  });

  it('fails with a retryable INTERNAL error when the dial times out', async () => {
    const silent = createServer(() => {}); // accepts TCP, never answers the handshake
    tcpServers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const r = await lua(`
      local c, err = websocket.connect("ws://127.0.0.1:${port}/", { dial_timeout = "200ms" })
      print(c, err:kind() == errors.INTERNAL, err:retryable(), err:message())
    `);
    expectFinished(r);
    expect(r.lines[0]).toMatch(
      /^nil\ttrue\ttrue\tfailed to dial websocket: dial tcp 127\.0\.0\.1:\d+: i\/o timeout/,
    );
  });

  it('fails with a retryable INTERNAL error when the connection is refused or rejected', async () => {
    const s = await server(undefined, {
      verifyClient: (_info, cb) => cb(false, 401, 'Unauthorized'),
    });
    const r = await lua(`
      local _, e1 = websocket.connect("ws://127.0.0.1:9/")
      local _, e2 = websocket.connect("${s.url}")
      print(e1:kind() == errors.INTERNAL, e1:retryable(), e1:message())
      print(e2:kind() == errors.INTERNAL, e2:message())
    `);
    expectFinished(r);
    // The platform's prefix: service/websocket/errors.go NewDialError.
    expect(r.lines).toEqual([
      'true\ttrue\tfailed to dial websocket: dial tcp 127.0.0.1:9: connection refused',
      'true\tfailed to dial websocket: handshake rejected: 401 Unauthorized',
    ]);
  });

  it('closes with 1009 when a message exceeds read_limit', async () => {
    const s = await server((socket) => {
      socket.send('small');
      socket.send('x'.repeat(2000));
    });
    const r = await lua(`
      local c = assert(websocket.connect("${s.url}", { read_limit = 1000 }))
      local ch = c:channel()
      print(ch:receive().data)
      print(ch:receive())
      print(c:close_info())
    `);
    expectFinished(r);
    expect(r.lines[0]).toBe('small');
    expect(r.lines[1]).toBe('nil\tfalse');
    expect(r.lines[2]).toMatch(/^1009\t/);
  });

  it('keeps received messages readable after the TCP connection drops, then reports 1006', async () => {
    const s = await server((socket) => {
      for (let i = 1; i <= 3; i++) socket.send(`m${i}`);
      setTimeout(() => socket.terminate(), 50);
    });
    const r = await lua(`
      local c = assert(websocket.connect("${s.url}"))
      local ch = c:channel()
      time.sleep(300)
      for i = 1, 3 do local m, ok = ch:receive(); print(m.data, ok) end
      print(ch:receive())
      print(c:close_info())
      local ok, err = c:send("late")
      print(ok, err:kind() == errors.INTERNAL, err:message(), err:retryable())
    `);
    expectFinished(r);
    expect(r.lines).toEqual([
      'm1\ttrue',
      'm2\ttrue',
      'm3\ttrue',
      'nil\tfalse',
      '1006\t',
      'false\ttrue\twebsocket connection closed\tfalse',
    ]);
  });

  it('delivers 20,000 messages through channel_capacity = 8 without losing one', async () => {
    const s = await server((socket) => {
      socket.on('message', () => {
        for (let i = 1; i <= 20_000; i++) socket.send(String(i));
        socket.close(1000, 'done');
      });
    });
    const r = await lua(
      `
      local c = assert(websocket.connect("${s.url}", { channel_capacity = 8 }))
      c:send("go")
      local ch, n = c:channel(), 0
      while true do
        local m, ok = ch:receive()
        if not ok then break end
        n = n + 1
        assert(tonumber(m.data) == n, "out of order at " .. n)
      end
      print(n, c:close_info())
    `,
      { stopAfterMs: 60_000 },
    );
    expectFinished(r);
    expect(r.lines).toEqual(['20000\t1000\tdone']);
  });

  it('selects between a connection and time.after', async () => {
    const s = await server((socket) => setTimeout(() => socket.send('late hello'), 150));
    const r = await lua(`
      local c = assert(websocket.connect("${s.url}"))
      local ch = c:channel()
      local timeout = time.after(50)
      local seen = {}
      for _ = 1, 2 do
        local r = channel.select { ch:case_receive(), timeout:case_receive() }
        if r.channel == timeout then seen[#seen + 1] = "timeout" else seen[#seen + 1] = r.value.data end
      end
      print(table.concat(seen, ","))
      c:close()
    `);
    expectFinished(r);
    expect(r.lines).toEqual(['timeout,late hello']);
  });

  it('blocks in receive inside pcall, coroutine.wrap and a metamethod', async () => {
    const s = await server();
    const r = await lua(`
      local c = assert(websocket.connect("${s.url}"))
      local ch = c:channel()
      c:send("a"); c:send("b"); c:send("c")
      local ok, m = pcall(function() time.sleep(20) return ch:receive() end)
      print(ok, m.data)
      local gen = coroutine.wrap(function()
        coroutine.yield(ch:receive().data)
        coroutine.yield("between")
      end)
      print(gen(), gen())
      local lazy = setmetatable({}, { __index = function(_, k) return ch:receive().data .. k end })
      print(lazy.x)
      c:close()
    `);
    expectFinished(r);
    expect(r.lines).toEqual(['true\ta', 'b\tbetween', 'cx']);
  });

  it('stops an infinite loop and closes its sockets with 1001', async () => {
    const closes: number[] = [];
    const s = await server((socket) => socket.on('close', (code) => closes.push(code)));
    const run = runLua(`
      local c = assert(websocket.connect("${s.url}"))
      print("connected")
      while true do end
    `);
    await expect.poll(() => s.sockets.length, { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100)); // well into the loop
    run.stop();
    const r = await run.done;
    expect(r.end.status).toBe('stopped');
    expect(r.lines).toEqual(['connected']);
    await expect.poll(() => closes, { timeout: 10_000 }).toEqual([1001]);
  });

  it('opens no socket when the policy denies the URL', async () => {
    const s = await server();
    const r = await lua(
      `
      local c, err = websocket.connect("${s.url}/admin")
      print(c, err:message(), err:retryable(), errors.is(err, errors.PERMISSION_DENIED))
    `,
      {
        policy: DEFAULT_POLICY,
      },
    );
    expectFinished(r);
    expect(r.lines).toEqual([`nil\tnot allowed: ${s.url}/admin\tfalse\ttrue`]);
    expect(s.handshakes).toHaveLength(0);
    expect(r.connections[0]).toMatchObject({ state: 'denied', transport: 'none' });
  });
});
