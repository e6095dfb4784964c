/**
 * The `channel` library against the platform (rows A15-A20 of platform-fidelity.md), asserted
 * in Lua. Sources in wippyai/runtime `runtime/lua/engine/`: `bindings.go` (the Lua functions),
 * `channel.go` (the channel), `spec.md`, and wippyai/docs `en/lua/core/channel.md`.
 */
import { describe, expect, it } from 'vitest';
import { lua } from '../run-for-test.ts';
import { DEADLOCK } from '../run.ts';

async function passes(code: string): Promise<string[]> {
  const r = await lua(code);
  if (r.end.status !== 'finished')
    throw new Error(r.end.status === 'error' ? r.end.failure.message : r.end.status);
  return r.lines;
}

describe('channel.select', () => {
  it('A15: takes the first ready case in table order (bindings.go:92-121)', async () => {
    await passes(`
      local a, b, c = channel.new(10), channel.new(10), channel.new(10)
      for i = 1, 5 do a:send(i); b:send(i) end
      for _ = 1, 5 do
        local r = channel.select { c:case_receive(), b:case_receive(), a:case_receive() }
        assert(r.channel == b, "b comes before a in the table")
      end
      local r = channel.select { c:case_receive(), b:case_receive(), a:case_receive() }
      assert(r.channel == a and r.value == 1)
    `);
  });

  it('A16: answers a default with {default = true, ok = true} (bindings.go:124-130)', async () => {
    await passes(`
      local r = channel.select { channel.new():case_receive(), default = true }
      assert(r.default == true and r.ok == true and r.channel == nil and r.value == nil)
    `);
  });

  it('A17: gives a send case the value it sent (channel.go:36-43, senderDone)', async () => {
    await passes(`
      local ch = channel.new(1)
      local t = {}
      local r = channel.select { ch:case_send(t) }
      assert(r.channel == ch and r.value == t and r.ok == true)
      assert(ch:receive() == t)
    `);
  });

  it('A18: takes a default as a second argument (bindings.go:65)', async () => {
    await passes(`
      local r = channel.select({ channel.new():case_receive() }, true)
      assert(r.default == true and r.ok == true)
      local ch = channel.new(1); ch:send("x")
      assert(channel.select({ ch:case_receive() }, true).value == "x")
      assert(not pcall(channel.select, {}, "yes"), "a second argument must be a boolean")
    `);
  });

  it('A18: ignores what is not a case, with a warning, and takes cases from any field (bindings.go:73-90)', async () => {
    const lines = await passes(`
      local ch = channel.new(1); ch:send("v")
      local r = channel.select { 42, "x", named = ch:case_receive(), default = 1 }
      assert(r.channel == ch and r.value == "v")
    `);
    expect(lines).toEqual([
      '[warn] channel.select: entry 1 is not a channel case and is ignored (use ch:case_receive() or ch:case_send(v))',
      '[warn] channel.select: entry 2 is not a channel case and is ignored (use ch:case_receive() or ch:case_send(v))',
      '[warn] channel.select: default = number is ignored (only default = true counts)',
    ]);
  });

  it('A18: blocks with no case at all, as the platform (bindings.go:132-150)', async () => {
    const r = await lua('channel.select {}');
    expect(r.end).toMatchObject({ status: 'error', failure: { message: DEADLOCK } });
  });

  it('reports a closed channel as value nil, ok false', async () => {
    await passes(`
      local ch = channel.new(1); ch:close()
      local r = channel.select { ch:case_receive() }
      assert(r.channel == ch and r.value == nil and r.ok == false)
    `);
  });

  it('never chooses a send case on a closed channel: the platform drops its error and waits', async () => {
    const lines = await passes(`
      local closed, other = channel.new(1), channel.new(1)
      closed:close()
      coroutine.spawn(function() time.sleep("10ms") other:send("late") end)
      local r = channel.select { closed:case_send(1), other:case_receive() }
      assert(r.channel == other and r.value == "late")
    `);
    expect(lines).toEqual([
      '[warn] channel.select: a send case on a closed channel is never chosen (the platform waits on)',
    ]);
  });
});

describe('ch:close and ch:send', () => {
  it('A19: close returns nothing; a second close does nothing, with a warning (bindings.go:228-240)', async () => {
    const lines = await passes(`
      local ch = channel.new(2); ch:send("kept")
      assert(select("#", ch:close()) == 0)
      assert(select("#", ch:close()) == 0)
      local v, ok = ch:receive()
      assert(v == "kept" and ok == true, "buffered values stay readable")
      v, ok = ch:receive()
      assert(v == nil and ok == false)
      local okSend, err = pcall(ch.send, ch, 1)
      assert(not okSend and err:find("send on closed channel"))
    `);
    expect(lines).toEqual(['[warn] ch:close(): the channel is closed already (ignored)']);
  });

  it('sends nil when the value is left out (bindings.go:179, l.Get(2))', async () => {
    await passes(`
      local ch = channel.new(1)
      assert(ch:send() == true)
      local v, ok = ch:receive()
      assert(v == nil and ok == true)
    `);
  });
});

describe('channel.new', () => {
  it('A20: takes any size, a negative one as 0, a fraction truncated, with a warning (channel.go:119-129)', async () => {
    const lines = await passes(`
      local big = channel.new(2000000)
      for i = 1, 10 do big:send(i) end
      local zero = channel.new(-5)
      assert(channel.select({ zero:case_send(1) }, true).default, "size 0: a send waits for a receiver")
      local two = channel.new(2.7)
      two:send(1); two:send(2)
      assert(channel.select({ two:case_send(3) }, true).default, "2.7 is 2")
      assert(not pcall(channel.new, "5"), "a size must be a number")
    `);
    expect(lines).toEqual([
      '[warn] channel.new(-5): a negative size is taken as 0',
      '[warn] channel.new(2.7): the size is taken as 2',
    ]);
  });
});
