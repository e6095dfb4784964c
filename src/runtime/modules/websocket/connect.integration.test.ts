/**
 * `websocket.connect` as the platform does it (wippyai/runtime
 * `runtime/lua/modules/websocket/module.go`), asserted in Lua against real loopback servers.
 * Each test names the platform's source line it follows; rows B8-B14, B21-B25 of
 * platform-fidelity.md section 8B.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lua, luaAsserts } from '../../run-for-test.ts';
import { startWsServer, type TestServer } from '../../../test-support/ws-server.ts';
import type { Policy } from '../../../policy/types.ts';
import { entry, policyOf, registry } from '../../../test-support/policy-fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startWsServer();
});
afterAll(() => s.close());

const ACTOR = { id: 'test', meta: {} };
const ALLOW_ALL = entry('allow_all', 'actions: "websocket.*"\nresources: "*"\neffect: allow');
/** Everything allowed but URLs starting with `prefix` (a platform prefix pattern). */
const denyUrl = (prefix: string): Policy =>
  policyOf(
    registry(
      ALLOW_ALL,
      entry('deny_url', `actions: websocket.connect.url\nresources: "${prefix}*"\neffect: deny`),
    ),
    ACTOR,
    { groups: ['g'] },
  );
const denyConnect: Policy = policyOf(
  registry(
    ALLOW_ALL,
    entry('deny_connect', 'actions: websocket.connect\nresources: "*"\neffect: deny'),
  ),
  ACTOR,
  { groups: ['g'] },
);

describe('check order (module.go:134-165)', () => {
  it('checks policy websocket.connect before looking at any argument (module.go:143-147)', async () => {
    const r = await luaAsserts(
      `
      local c, err = websocket.connect({})
      assert(c == nil)
      assert(err:kind() == errors.PERMISSION_DENIED, err:kind())
      assert(err:message() == "websocket connections not allowed", err:message())
      assert(err:retryable() == false)
      local c2, err2 = websocket.connect("ws://x.invalid/", "not a table")
      assert(c2 == nil and err2:message() == "websocket connections not allowed")
      `,
      { policy: denyConnect },
    );
    expect(r.decisions[0]).toMatchObject({ action: 'websocket.connect', allowed: false });
  });

  it('raises "URL required" for "" once connecting is allowed (module.go:149-153)', async () => {
    await luaAsserts(`
      local ok, err = pcall(websocket.connect, "")
      assert(not ok and err:find("URL required", 1, true), err)
      local ok2, err2 = pcall(websocket.connect, {})
      assert(not ok2 and err2:find("string expected, got table", 1, true), err2)
    `);
  });

  it('checks websocket.connect.url with the URL as written before the options (module.go:156-166)', async () => {
    const before = s.handshakes.length;
    await luaAsserts(
      `
      local url = "${s.url}/admin?x=1"
      local c, err = websocket.connect(url, "not a table")
      assert(c == nil and err:kind() == errors.PERMISSION_DENIED, tostring(err))
      assert(err:message() == "not allowed: " .. url, err:message())
      assert(err:retryable() == false)
      `,
      { policy: denyUrl(`${s.url}/admin`) },
    );
    expect(s.handshakes.length).toBe(before);
  });

  it('raises for options that are neither nil nor a table, after both checks (module.go:166)', async () => {
    await luaAsserts(`
      local ok, err = pcall(websocket.connect, "${s.url}", "fast")
      assert(not ok and err:find("table expected, got string", 1, true), err)
      local c = assert(websocket.connect("${s.url}", nil))
      c:close()
    `);
  });

  it('checks the policy before the scheme: ftp:// denied is PermissionDenied', async () => {
    await luaAsserts(
      `
      local c, err = websocket.connect("ftp://127.0.0.1/x")
      assert(err:kind() == errors.PERMISSION_DENIED, tostring(err))
      `,
      { policy: denyUrl('ftp://') },
    );
  });
});

describe('URL schemes (coder/websocket dial.go handshakeRequest)', () => {
  it('dials http:// as ws:// and judges the URL as written (module.go:156)', async () => {
    const before = s.handshakes.length;
    const r = await luaAsserts(`
      local c = assert(websocket.connect("${s.url.replace('ws:', 'http:')}/via-http#frag"))
      assert(c:send("hi"))
      local m = c:channel():receive()
      assert(m.data == "hi")
      c:close()
    `);
    expect(s.handshakes.length).toBe(before + 1);
    expect(s.handshakes.at(-1)?.url).toBe('/via-http');
    expect(r.decisions.at(-1)).toMatchObject({
      action: 'websocket.connect.url',
      resource: `${s.url.replace('ws:', 'http:')}/via-http#frag`,
    });
  });

  it('fails other schemes as a retryable connection failure (yields.go:81-83)', async () => {
    await luaAsserts(`
      local c, err = websocket.connect("ftp://127.0.0.1/x")
      assert(c == nil and err:kind() == errors.INTERNAL, tostring(err))
      assert(err:retryable() == true)
      assert(err:message() == 'failed to dial websocket: failed to WebSocket dial: unexpected url scheme: "ftp"', err:message())
      local _, err2 = websocket.connect("no scheme at all")
      assert(err2:kind() == errors.INTERNAL and err2:retryable())
      assert(err2:message():find('unexpected url scheme: ""', 1, true), err2:message())
    `);
  });

  it('fails a header value Go refuses to send as a connection failure (B25)', async () => {
    const before = s.handshakes.length;
    await luaAsserts(`
      local c, err = websocket.connect("${s.url}", { headers = { ["X-A"] = "a\\r\\nB: c" } })
      assert(c == nil and err:kind() == errors.INTERNAL and err:retryable(), tostring(err))
      assert(err:message():find('invalid header field value for "X-A"', 1, true), err:message())
    `);
    expect(s.handshakes.length).toBe(before);
  });
});

describe('lenient options (module.go:165-249): ignored, the default kept, and a warning', () => {
  it.each([
    ['{ chanel_capacity = 5 }', 'unknown option "chanel_capacity"'],
    ['{ [1] = "x" }', 'unknown option 1'],
    ['{ timeout = "5s" }', 'unknown option "timeout"'],
    ['{ headers = "Authorization: x" }', 'option headers = "Authorization: x" ignored'],
    ['{ headers = { [1] = "x" } }', 'header [1] = "x" skipped'],
    ['{ headers = { ["X-N"] = 5 } }', 'header ["X-N"] = 5 skipped'],
    ['{ protocols = "chat" }', 'option protocols = "chat" ignored'],
    ['{ protocols = { "chat", 7 } }', 'protocol 7 skipped'],
    ['{ dial_timeout = "5 seconds" }', 'option dial_timeout = "5 seconds" ignored'],
    ['{ read_timeout = true }', 'option read_timeout = true ignored'],
    ['{ write_timeout = 0/0 }', 'option write_timeout = nan ignored'],
    ['{ read_timeout = -1 }', 'read_timeout = -1 is negative, which means no timeout'],
    ['{ compression = 7 }', 'option compression = 7 ignored (out of range 0..2)'],
    ['{ compression = "zip" }', 'option compression = "zip" ignored'],
    ['{ compression = 1.5 }', 'compression = 1.5 is truncated to 1'],
    ['{ compression_threshold = -1 }', 'option compression_threshold = -1 ignored'],
    ['{ compression_threshold = "512" }', 'option compression_threshold = "512" ignored'],
    ['{ read_limit = 200 * 1024 * 1024 }', 'option read_limit = 209715200 ignored'],
    ['{ channel_capacity = 0 }', 'option channel_capacity = 0 ignored (out of range 1..10000)'],
    ['{ channel_capacity = 20000 }', 'option channel_capacity = 20000 ignored'],
  ])('connects with %s and warns', async (options, warning) => {
    const before = s.handshakes.length;
    const r = await luaAsserts(`
      local c, err = websocket.connect("${s.url}", ${options})
      assert(c, tostring(err))
      assert(c:send("still works"))
      assert(c:channel():receive().data == "still works")
      c:close()
    `);
    expect(s.handshakes.length).toBe(before + 1);
    expect(r.warnings.map((w) => w.text).join('\n')).toContain(warning);
    expect(r.warnings.every((w) => w.line === 2)).toBe(true);
  });

  it('ignores headers the handshake owns, with a warning (B12)', async () => {
    const r = await luaAsserts(`
      local c = assert(websocket.connect("${s.url}", { headers = { Host = "evil.example", ["X-Ok"] = "1" } }))
      c:close()
    `);
    expect(s.handshakes.at(-1)?.headers.host).toBe(`127.0.0.1:${s.port}`);
    expect(s.handshakes.at(-1)?.headers['x-ok']).toBe('1');
    expect(r.warnings.map((w) => w.text)).toEqual([
      'websocket.connect: header "Host" ignored: the WebSocket handshake sets it, as on the platform',
    ]);
  });

  it('keeps one value for a header named twice (http.Header.Set, dispatcher.go:131-136)', async () => {
    const r = await luaAsserts(`
      local c = assert(websocket.connect("${s.url}", { headers = { ["x-twice"] = "1", ["X-Twice"] = "2" } }))
      c:close()
    `);
    expect(['1', '2']).toContain(s.handshakes.at(-1)?.headers['x-twice']);
    expect(r.warnings.map((w) => w.text).join('\n')).toContain('given twice');
  });

  it('ignores hop-by-hop headers and fails non-Latin-1 values: the browser and the relay cannot send them', async () => {
    const before = s.handshakes.length;
    const r = await luaAsserts(`
      local c = assert(websocket.connect("${s.url}", { headers = { TE = "trailers" } }))
      c:close()
      local none, err = websocket.connect("${s.url}", { headers = { ["X-Mark"] = "✓" } })
      assert(none == nil and err:kind() == errors.INTERNAL and err:retryable(), tostring(err))
      assert(err:message():find('header "X-Mark" has characters outside Latin-1', 1, true), err:message())
    `);
    expect(s.handshakes.length).toBe(before + 1);
    expect(s.handshakes.at(-1)?.headers.te).toBeUndefined();
    expect(r.warnings.map((w) => w.text).join('\n')).toContain('hop-by-hop');
  });

  it('offers the string compression modes of module.go:215-223', async () => {
    const deflate = await startWsServer(undefined, { perMessageDeflate: true });
    try {
      const r = await luaAsserts(`
        for _, mode in ipairs({ "context_takeover", "no_context_takeover", "disabled" }) do
          local c = assert(websocket.connect("${deflate.url}", { compression = mode }))
          c:close()
        end
      `);
      expect(r.warnings).toEqual([]);
      const offers = deflate.handshakes.map((h) => h.headers['sec-websocket-extensions']);
      expect(offers[0]).toBe('permessage-deflate; client_max_window_bits');
      expect(offers[1]).toContain('client_no_context_takeover');
      expect(offers[2]).toBeUndefined();
    } finally {
      await deflate.close();
    }
  });

  it('offers protocols with any keys, the sequence first (module.go:179-185)', async () => {
    const r = await luaAsserts(`
      local c = assert(websocket.connect("${s.url}", { protocols = { "a", "b", extra = "c" } }))
      c:close()
    `);
    expect(r.warnings).toEqual([]);
    expect(s.handshakes.at(-1)?.headers['sec-websocket-protocol']).toBe('a,b,c');
  });

  it('applies an integer dial_timeout as milliseconds (the documented contract; B15)', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      await luaAsserts(`
        local c, err = websocket.connect("ws://127.0.0.1:${port}/", { dial_timeout = 200 })
        assert(c == nil and err:kind() == errors.INTERNAL and err:retryable(), tostring(err))
        assert(err:message():find("i/o timeout", 1, true), err:message())
      `);
    } finally {
      silent.close();
    }
  });
});

describe('read_limit (dispatcher.go:21, 172-176)', () => {
  it('defaults to 16 MiB, and 0 means the default', async () => {
    const MiB = 1024 * 1024;
    const big = await startWsServer((socket) => {
      socket.send(Buffer.alloc(16 * MiB, 0x61), { binary: true });
      socket.send(Buffer.alloc(16 * MiB + 1, 0x62), { binary: true });
    });
    try {
      await luaAsserts(`
        for _, options in ipairs({ {}, { read_limit = 0 } }) do
          local c = assert(websocket.connect("${big.url}", options))
          local ch = c:channel()
          local m = ch:receive()
          assert(#m.data == 16 * 1024 * 1024, #m.data)
          local v, ok = ch:receive()
          assert(v == nil and ok == false)
          assert(c:close_info() == websocket.CLOSE_CODES.MESSAGE_TOO_BIG, c:close_info())
        end
      `);
    } finally {
      await big.close();
    }
  });
});

describe('strict mode', () => {
  it('turns the warning for an unknown option into an error that fails the run', async () => {
    const r = await lua(`local c = websocket.connect("${s.url}", { chanel_capacity = 5 })`, {
      strict: true,
    });
    expect(r.end.status).toBe('error');
    if (r.end.status !== 'error') return;
    expect(r.end.failure.message).toContain('strict: websocket.connect: unknown option');
    expect(r.end.failure.line).toBe(1);
  });
});
