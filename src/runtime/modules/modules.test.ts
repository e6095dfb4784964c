/**
 * The Lua libraries, asserted in Lua: each script prints what it checks, and a failed
 * `assert` fails the run with its line number.
 */
import { describe, expect, it } from 'vitest';
import { lua, runLua } from '../run-for-test.ts';
import { DEADLOCK } from '../run.ts';

async function lines(code: string): Promise<string[]> {
  const r = await lua(code);
  if (r.end.status === 'error')
    throw new Error(`${r.end.failure.message}\n${r.end.failure.traceback}`);
  return r.lines;
}

async function failure(code: string) {
  const r = await lua(code);
  if (r.end.status !== 'error')
    throw new Error(`expected an error, got ${r.end.status}: ${r.output}`);
  return r.end.failure;
}

describe('channel', () => {
  it('passes values between spawned tasks in order, then reports closed', async () => {
    expect(
      await lines(`
        local ch = channel.new(2)
        coroutine.spawn(function() for i = 1, 5 do ch:send(i) end ch:close() end)
        local got = {}
        while true do local v, ok = ch:receive(); if not ok then break end; got[#got + 1] = v end
        print(table.concat(got, ","), ch:receive())
      `),
    ).toEqual(['1,2,3,4,5\tnil\tfalse']);
  });

  it('keeps any Lua value, nil and tables included', async () => {
    expect(
      await lines(`
        local ch = channel.new(3)
        local t = {}
        assert(ch:send(nil) == true); ch:send(t); ch:send(false)
        local a, ok1 = ch:receive(); local b = ch:receive(); local c = ch:receive()
        print(a, ok1, b == t, c)
      `),
    ).toEqual(['nil\ttrue\ttrue\tfalse']);
  });

  it('makes an unbuffered channel hand values to a waiting receiver', async () => {
    expect(
      await lines(`
        local ch = channel.new()
        coroutine.spawn(function() print("received", ch:receive()) end)
        time.sleep(5)
        ch:send("x")
        time.sleep(5)
      `),
    ).toEqual(['received\tx\ttrue']);
  });

  it('wakes a sender parked on an unbuffered channel when a receiver arrives later', async () => {
    expect(
      await lines(`
        local a = channel.new()
        coroutine.spawn(function() time.sleep(5); print("received", a:receive()) end)
        a:send("x")
        print("sent")
        local b = channel.new()
        coroutine.spawn(function() time.sleep(5); print("received", b:receive()) end)
        local r = channel.select { b:case_send("y"), time.after(2000):case_receive() }
        print(r.channel == b and "send case" or "timer case")
        time.sleep(5)
      `),
    ).toEqual(['sent', 'received\tx\ttrue', 'send case', 'received\ty\ttrue']);
  });

  it('ends a run whose tasks all wait with nothing left to wake them, naming a deadlock', async () => {
    const alone = await lua('print("before")\nchannel.new():receive()');
    expect(alone.lines).toEqual(['before']);
    expect(alone.end).toMatchObject({ status: 'error', failure: { message: DEADLOCK } });
    // The main chunk waits for a task that waits for a value nobody will send.
    const both = await lua(`
      local ch, never = channel.new(), channel.new()
      coroutine.spawn(function() never:receive() ch:send(1) end)
      print("main waits")
      ch:receive()
    `);
    expect(both.lines).toEqual(['main waits']);
    expect(both.end).toMatchObject({ status: 'error', failure: { message: DEADLOCK } });
  });

  it('ends the run with the main chunk, a task still waiting or not (process.go:1300-1317)', async () => {
    const leftover = await lua(`
      local ch = channel.new()
      coroutine.spawn(function() ch:receive() print("never") end)
      print("main done")
    `);
    expect(leftover.lines).toEqual(['main done']);
    expect(leftover.end).toEqual({ status: 'finished' });
  });

  it('is no deadlock while a timer can still wake a task, even one nobody receives from', async () => {
    expect(
      await lines(`
        local ch = channel.new()
        local ignored = time.after(20)
        coroutine.spawn(function() time.sleep(10); ch:send("woken") end)
        print(ch:receive())
        time.sleep(30)
        print("done")
      `),
    ).toEqual(['woken\ttrue', 'done']);
  });

  it('selects the ready case, returns default when none is, and sends through case_send', async () => {
    expect(
      await lines(`
        local a, b = channel.new(1), channel.new(1)
        print(channel.select({ a:case_receive(), default = true }).default)
        b:send("hello")
        local r = channel.select { a:case_receive(), b:case_receive() }
        print(r.channel == b, r.value, r.ok)
        local s = channel.select { a:case_send("sent") }
        print(s.channel == a, s.ok, a:receive())
        a:close()
        local c = channel.select { a:case_receive() }
        print(c.value, c.ok)
      `),
    ).toEqual(['true', 'true\thello\ttrue', 'true\ttrue\tsent\ttrue', 'nil\tfalse']);
  });

  it('takes the first ready case in table order (bindings.go:92-121)', async () => {
    expect(
      await lines(`
        local a, b = channel.new(1000), channel.new(1000)
        for i = 1, 100 do a:send(i); b:send(i) end
        local n = { a = 0, b = 0 }
        for _ = 1, 100 do
          local r = channel.select { b:case_receive(), a:case_receive() }
          if r.channel == a then n.a = n.a + 1 else n.b = n.b + 1 end
        end
        print(n.a .. "," .. n.b)
      `),
    ).toEqual(['0,100']);
  });

  it('refuses a send on a closed channel; a second close does nothing (bindings.go:174-240)', async () => {
    expect(
      await lines(`
        local ch = channel.new(1)
        print(select("#", ch:close()), select("#", ch:close()))
        print(pcall(ch.send, ch, 1))
        print(pcall(function() return channel.select(42) end))
      `),
    ).toEqual([
      '[warn] ch:close(): the channel is closed already (ignored)',
      '0\t0',
      'false\tsend on closed channel',
      "false\tmain.lua:5: bad argument #1 to 'select' (table expected, got number)",
    ]);
  });
});

describe('time', () => {
  it('sleeps, fires after, and tells the time in milliseconds', async () => {
    const [line] = await lines(`
      local t0 = time.now()
      time.sleep("30ms")
      local t1 = time.now()
      local fired = time.after(20):receive()
      print(t1 - t0 >= 29, fired >= t1 + 19, math.abs(t0 - os.time() * 1000.0) < 2000)
    `);
    expect(line).toBe('true\ttrue\ttrue');
  });

  it('refuses bad durations with an argument error', async () => {
    expect(
      await lines(`
        print(pcall(function() time.sleep("soon") end))
        print(pcall(function() time.after(-5) end))
      `),
    ).toEqual([
      `false\tmain.lua:2: bad argument #1 to 'sleep' (duration: invalid duration "soon": expected a number followed by a unit)`,
      "false\tmain.lua:3: bad argument #1 to 'after' (duration must not be negative)",
    ]);
  });
});

describe('json (details in json.test.ts)', () => {
  it('round-trips objects, arrays, numbers and strings; null decodes to nil', async () => {
    expect(
      await lines(`
        print(json.encode({ type = "subscribe", symbols = { "BTC-USD", "ETH-USD" } }) ~= nil)
        print(json.encode({ 1, 2, 3 }), json.encode({}), json.encode("é\\n"), json.encode(1.5))
        local v = json.decode('{"a":[1,null,{"b":true}],"n":-2.5,"s":"ü","e":null}')
        print(v.a[1], v.a[2], v.a[3].b, v.n, v.s, math.type(v.a[1]), v.e)
      `),
      // The last encode shows its second result: `string, nil`, as the platform returns.
    ).toEqual(['true', '[1,2,3]\t[]\t"é\\n"\t1.5\tnil', '1\tnil\ttrue\t-2.5\tü\tinteger\tnil']);
  });
});

describe('errors (details in errors.test.ts)', () => {
  it('makes error objects with kind, message and retryable', async () => {
    expect(
      await lines(`
        local e = errors.new { kind = errors.TIMEOUT, message = "slow", retryable = true }
        print(e:kind(), e:message(), e:retryable(), tostring(e))
        print(errors.is(e, errors.TIMEOUT), errors.is(e, "INVALID"), errors.is("x", errors.TIMEOUT))
      `),
    ).toEqual(['Timeout\tslow\ttrue\tslow', 'true\tfalse\tfalse']);
  });
});

describe('the sandbox and the scheduler', () => {
  it('offers the modules through require and as globals, read-only', async () => {
    expect(
      await lines(`
        print(require("websocket") == websocket, require("json") == json, require("channel") == channel)
        print(websocket.TEXT, websocket.BINARY, websocket.COMPRESSION.NO_CONTEXT, websocket.CLOSE_CODES.TRY_AGAIN_LATER)
        print(pcall(function() websocket.CLOSE_CODES.NORMAL = 1 end))
        print(pcall(function() json.encode = nil end))
        print(io, dofile, os.exit, debug.sethook, type(debug.traceback))
        print(pcall(require, "socket"))
      `),
    ).toEqual([
      'true\ttrue\ttrue',
      '1\t2\t2\t1013',
      "false\tmain.lua:4: websocket.CLOSE_CODES is read-only: cannot assign to field 'NORMAL'",
      "false\tmain.lua:5: json is read-only: cannot assign to field 'encode'",
      expect.stringMatching(/^table: .*\tnil\tnil\tnil\tfunction$/),
      expect.stringMatching(/^false\tmodule 'socket' not found/),
    ]);
  });

  it('reports a script error with its line and a traceback', async () => {
    const f = await failure(`local x = 1\nlocal function f() error("boom") end\nf()`);
    expect(f.message).toBe('main.lua:2: boom');
    expect(f.line).toBe(2);
    expect(f.traceback).toContain('main.lua:3: in main chunk');
  });

  it('reports a syntax error with its line', async () => {
    const f = await failure(`print("a")\nlocal = 5`);
    expect(f.message).toMatch(/^main\.lua:2: /);
    expect(f.line).toBe(2);
  });

  it('treats `return nil, err` from the main chunk as a failure', async () => {
    const f = await failure(`return nil, errors.new{ kind = errors.INTERNAL, message = "no" }`);
    expect(f.message).toBe('the script returned an error: Internal: no');
  });

  it('explains why a blocking call cannot run inside a sort comparator', async () => {
    const f = await failure(
      `table.sort({ 3, 1, 2 }, function(a, b) time.sleep(1) return a < b end)`,
    );
    expect(f.message).toMatch(/cannot block here: Lua cannot yield across a C-call boundary/);
  });

  it('runs a spawned task before its spawner goes on (process.go:1366-1388)', async () => {
    expect(
      await lines(`
        local slow = coroutine.spawn(function() time.sleep("20ms") print("slow") end)
        coroutine.spawn(function() print("fast") end)
        print("main", type(slow))
        time.sleep("40ms")
      `),
    ).toEqual(['fast', 'main\tthread', 'slow']);
  });

  it('keeps plain coroutines working: yield values come back to resume', async () => {
    expect(
      await lines(`
        local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) time.sleep(1) return b * 2 end)
        print(coroutine.resume(co, 1))
        print(coroutine.resume(co, 10))
        print(coroutine.resume(co))
        print(coroutine.status(co))
      `),
    ).toEqual(['true\t2', 'true\t20', 'false\tcannot resume dead coroutine', 'dead']);
  });

  it('stops a busy loop inside a user coroutine', async () => {
    const run = runLua(`coroutine.wrap(function() while true do end end)()`);
    setTimeout(() => run.stop(), 200);
    expect((await run.done).end.status).toBe('stopped');
  });

  it('writes io.write output line by line', async () => {
    expect(await lines(`io.write("a", 1, "\\n", "b") io.write("c\\n") io.write("tail")`)).toEqual([
      'a1',
      'bc',
      'tail',
    ]);
  });
});
