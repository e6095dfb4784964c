/**
 * The client's methods as the platform has them (wippyai/runtime
 * `runtime/lua/modules/websocket/module.go:262-369`, `yields.go`, `service/websocket/`),
 * asserted in Lua against real loopback servers that record what reached them. Return values
 * follow the documented contract (`true` / `false, err`; docs/platform-differences.md B1-B3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { lua, luaAsserts } from '../../run-for-test.ts';
import { startWsServer, type TestServer } from '../../../test-support/ws-server.ts';

interface Seen {
  messages: Array<{ data: string; binary: boolean }>;
  close?: { code: number; reason: string };
}

/** An echo server that records, per connection, the messages and how the close arrived. */
let s: TestServer;
const seen: Seen[] = [];
beforeAll(async () => {
  s = await startWsServer((socket: WebSocket) => {
    const record: Seen = { messages: [] };
    seen.push(record);
    socket.on('message', (data, binary) => {
      record.messages.push({ data: String(data), binary });
      socket.send(data, { binary });
    });
    socket.on('close', (code, reason) => (record.close = { code, reason: String(reason) }));
  });
});
afterAll(() => s.close());

/** What the server saw of the connection, once it has seen the close. */
async function closeSeen(index: number): Promise<{ code: number; reason: string }> {
  await expect.poll(() => seen[index]?.close, { timeout: 5000 }).toBeDefined();
  return seen[index]!.close!;
}

describe('close codes (module.go:349-369, coder/websocket close.go)', () => {
  it.each([
    ['999', 1000, '', 'code 999 is outside 1000-4999 and replaced with 1000'],
    ['5000, "x"', 1000, 'x', 'code 5000 is outside 1000-4999 and replaced with 1000'],
    ['"soon"', 1000, '', 'code soon is outside 1000-4999 and replaced with 1000'],
    ['4000.7, "r"', 4000, 'r', 'code 4000.7 is truncated to 4000'],
    ['"4001", "numeric string"', 4001, 'numeric string', null],
    [
      'websocket.CLOSE_CODES.NO_STATUS, "dropped"',
      1005,
      '',
      'code 1005 (NO_STATUS) cannot go in a close frame',
    ],
    ['websocket.CLOSE_CODES.RESERVED', 1006, '', 'code 1004 cannot be sent'],
    ['websocket.CLOSE_CODES.TLS_HANDSHAKE', 1006, '', 'code 1015 cannot be sent'],
    ['2000', 1006, '', 'code 2000 cannot be sent'],
    ['1000, string.rep("r", 124)', 1006, '', 'the reason is 124 bytes'],
    ['websocket.CLOSE_CODES.BAD_GATEWAY, "gw"', 1014, 'gw', null],
    ['4002, "bad \\255 byte"', 4002, 'bad \ufffd byte', 'the reason is not valid UTF-8'],
  ])('close(%s) reaches the server as %d, %j', async (args, code, reason, warning) => {
    const index = seen.length;
    const r = await luaAsserts(`
      local c = assert(websocket.connect("${s.url}"))
      local ok, err = c:close(${args})
      assert(ok == true and err == nil, tostring(err))
    `);
    expect(await closeSeen(index)).toEqual({ code, reason });
    const texts = r.warnings.map((w) => w.text);
    if (warning) expect(texts.join('\n')).toContain(warning);
    else expect(texts).toEqual([]);
    expect(r.warnings.every((w) => w.line === 3)).toBe(true);
  });

  it('raises for close(code, nil): a third argument must be a string (module.go:362-364)', async () => {
    await luaAsserts(`
      local c = assert(websocket.connect("${s.url}"))
      local ok, err = pcall(c.close, c, 1000, nil)
      assert(not ok and err:find("string expected, got nil", 1, true), err)
      c:close()
    `);
  });

  it('fails a second close with "websocket connection not found" (registry.go:199-204)', async () => {
    await luaAsserts(`
      local c = assert(websocket.connect("${s.url}"))
      assert(c:close() == true)
      local ok, err = c:close()
      assert(ok == false and err:kind() == errors.INTERNAL, tostring(err))
      assert(err:message() == "websocket connection not found" and err:retryable() == false)
    `);
  });

  it('succeeds once after the server closed first (registry.go:199-216)', async () => {
    const closing = await startWsServer((socket) => socket.close(4001, 'bye'));
    try {
      await luaAsserts(`
        local c = assert(websocket.connect("${closing.url}"))
        local ch = c:channel()
        assert(select(2, ch:receive()) == false)
        assert(c:close() == true)
        assert(c:close() == false)
      `);
    } finally {
      await closing.close();
    }
  });
});

describe('send (module.go:279-295)', () => {
  it('sends an unknown type as TEXT, with a warning once per line (module.go:284-290)', async () => {
    const index = seen.length;
    const r = await luaAsserts(`
      local c = assert(websocket.connect("${s.url}"))
      for _ = 1, 2 do assert(c:send("three", 3) == true) end
      assert(c:send("word", "binary") == true)
      assert(c:send("two", "2") == true)
      assert(c:send("nil", nil) == true)
      local ch = c:channel()
      for _, want in ipairs({ "text", "text", "text", "binary", "text" }) do
        assert(ch:receive().type == want)
      end
      c:close()
    `);
    expect(seen[index]!.messages.map((m) => m.binary)).toEqual([false, false, false, true, false]);
    expect(r.warnings.map((w) => [w.line, w.text])).toEqual([
      [
        3,
        'client:send: type 3 is not websocket.TEXT (1) or websocket.BINARY (2); the message is sent as TEXT, as on the platform',
      ],
      [
        4,
        'client:send: type binary is not websocket.TEXT (1) or websocket.BINARY (2); the message is sent as TEXT, as on the platform',
      ],
    ]);
  });

  it('sends invalid UTF-8 as TEXT as it is, with a warning (module.go:284, dispatcher.go:182-205: no check)', async () => {
    const raw = await startWsServer(
      (socket) => socket.on('message', (data) => socket.send(data, { binary: true })),
      { skipUTF8Validation: true },
    );
    try {
      const r = await luaAsserts(`
        local c = assert(websocket.connect("${raw.url}"))
        assert(c:send("\\255\\254") == true)
        assert(c:channel():receive().data == "\\255\\254")
        c:close()
      `);
      expect(r.warnings.map((w) => w.text)).toEqual([
        expect.stringContaining('a TEXT message that is not valid UTF-8 is sent as it is'),
      ]);
    } finally {
      await raw.close();
    }
  });

  it('returns false, err after the script closed the connection (registry.go:199-204; B7)', async () => {
    await luaAsserts(`
      local c = assert(websocket.connect("${s.url}"))
      c:close()
      for _, call in ipairs({ function() return c:send("late") end, function() return c:ping() end }) do
        local ok, err = call()
        assert(ok == false and err:kind() == errors.INTERNAL, tostring(err))
        assert(err:message() == "websocket connection not found", err:message())
      end
    `);
  });
});

describe('receiving (module.go:300-337, yields.go:188-226)', () => {
  it('has receive() as an alias of channel() (module.go:264)', async () => {
    await luaAsserts(`
      local c = assert(websocket.connect("${s.url}"))
      assert(c:receive() == c:channel())
      c:send("via receive")
      assert(c:receive():receive().data == "via receive")
      c:close()
    `);
  });

  it('fails the first channel() after a local close, retryably (registry.go:160-168)', async () => {
    await luaAsserts(`
      local c = assert(websocket.connect("${s.url}"))
      c:close()
      local ch, err = c:channel()
      assert(ch == nil and err:kind() == errors.INTERNAL and err:retryable(), tostring(err))
      assert(err:message() == "websocket connection not found", err:message())
    `);
  });

  it('fails the first channel() once the server has closed: what it sent is lost (registry.go:160-168)', async () => {
    const early = await startWsServer((socket) => {
      socket.send('hello');
      socket.close(1000, 'done');
    });
    try {
      await luaAsserts(`
        local c = assert(websocket.connect("${early.url}"))
        time.sleep(200)
        local ch, err = c:channel()
        assert(ch == nil and err:kind() == errors.INTERNAL and err:retryable(), tostring(err))
        assert(err:message() == "websocket connection closed", err:message())
      `);
    } finally {
      await early.close();
    }
  });

  it('delivers nothing that arrives after close() (yields.go:302-313)', async () => {
    const burst = await startWsServer((socket) =>
      socket.on('message', () => {
        for (let i = 0; i < 50; i++) socket.send(`late ${i}`);
      }),
    );
    try {
      const r = await luaAsserts(`
        local c = assert(websocket.connect("${burst.url}"))
        local ch = c:channel()
        c:send("go")
        c:close()
        local v, ok = ch:receive()
        assert(v == nil and ok == false, "got " .. tostring(v and v.data))
      `);
      // The inspector still saw them arrive (or the server closed first): nothing was lost silently.
      expect(
        r.frames.filter((f) => f.direction === 'in' && f.kind === 'text').length,
      ).toBeLessThanOrEqual(50);
    } finally {
      await burst.close();
    }
  });
});

describe('read_timeout (registry.go:76-83)', () => {
  it('ends the connection without a close frame when no message comes in time', async () => {
    const index = seen.length;
    await luaAsserts(`
      local c = assert(websocket.connect("${s.url}", { read_timeout = "100ms" }))
      local v, ok = c:channel():receive()
      assert(v == nil and ok == false)
      assert(c:close_info() == websocket.CLOSE_CODES.ABNORMAL_CLOSURE, c:close_info())
    `);
    expect((await closeSeen(index)).code).toBe(1006);
  });
});

describe('constants (module.go:81-119)', () => {
  it('has the 16 close codes, the compression modes and the message types', async () => {
    await luaAsserts(`
      local want = {
        NORMAL = 1000, GOING_AWAY = 1001, PROTOCOL_ERROR = 1002, UNSUPPORTED_DATA = 1003,
        RESERVED = 1004, NO_STATUS = 1005, ABNORMAL_CLOSURE = 1006, INVALID_PAYLOAD = 1007,
        POLICY_VIOLATION = 1008, MESSAGE_TOO_BIG = 1009, MANDATORY_EXTENSION = 1010,
        INTERNAL_ERROR = 1011, SERVICE_RESTART = 1012, TRY_AGAIN_LATER = 1013,
        BAD_GATEWAY = 1014, TLS_HANDSHAKE = 1015,
      }
      local n = 0
      for k, v in pairs(websocket.CLOSE_CODES) do
        assert(want[k] == v, k) n = n + 1
      end
      assert(n == 16, n)
      assert(websocket.COMPRESSION.DISABLED == 0 and websocket.COMPRESSION.CONTEXT_TAKEOVER == 1)
      assert(websocket.COMPRESSION.NO_CONTEXT == 2)
      assert(websocket.TEXT == 1 and websocket.BINARY == 2 and websocket.TYPE_TEXT == "text")
      assert(websocket.TYPE_BINARY == "binary" and websocket.TYPE_PING == "ping")
      assert(websocket.TYPE_PONG == "pong" and websocket.TYPE_CLOSE == "close")
      assert(not pcall(function() websocket.CLOSE_CODES.NORMAL = 1 end))
    `);
  });
});

describe('strict mode', () => {
  it('fails the run on a close code the platform would replace', async () => {
    const r = await lua(`local c = assert(websocket.connect("${s.url}"))\nc:close(999)`, {
      strict: true,
    });
    expect(r.end.status).toBe('error');
    if (r.end.status === 'error') {
      expect(r.end.failure.message).toContain('strict: client:close: code 999');
      expect(r.end.failure.line).toBe(2);
    }
  });
});
