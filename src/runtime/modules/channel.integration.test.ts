/**
 * A connection's channel is an ordinary channel on the platform (fidelity §6: scripts may send
 * into it or close it; a closed one gets no more deliveries, runtime/lua/engine/process.go:
 * 1167-1171). Asserted in Lua against a real echo server on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { lua } from '../run-for-test.ts';
import { startWsServer, type TestServer } from '../../test-support/ws-server.ts';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe("a connection's channel (bindings.go:174-240 on any channel)", () => {
  it('takes a value a script sends, and after ch:close() delivers nothing more', async () => {
    const s = await startWsServer();
    servers.push(s);
    const r = await lua(`
      local c = assert(websocket.connect("${s.url}/ws"))
      local ch = c:channel()
      assert(c:send("first"))
      assert(ch:receive().data == "first")
      assert(ch:send("from the script") == true)
      assert(ch:receive() == "from the script")
      assert(select("#", ch:close()) == 0)
      assert(c:send("after close"))
      time.sleep("100ms")
      local v, ok = ch:receive()
      assert(v == nil and ok == false, "the echo of 'after close' is dropped")
      c:close()
    `);
    if (r.end.status === 'error') throw new Error(r.end.failure.message);
    expect(r.end.status).toBe('finished');
    expect(r.lines).toEqual([
      "[warn] ch:close() on a connection's channel: no more messages arrive on it, but the connection stays open (use client:close())",
    ]);
  });
});
