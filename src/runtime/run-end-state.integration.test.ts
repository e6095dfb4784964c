/**
 * What the inspector last hears about a connection the run's end closed: its final state
 * (issue 20), never the CLOSING of a handshake nobody waits for any more. The observer's view
 * at the moment `done` settles is what the worker flushes before it reports the end; later
 * reports are for a run the page has already closed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runLua } from './run-for-test.ts';
import { startWsServer, type TestServer } from '../test-support/ws-server.ts';
import type { ConnectionInfo } from '../shared/run-events.ts';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** The last report of each connection, taken when the run's `done` settles. */
async function finalStates(code: string, stopAfterMs?: number): Promise<ConnectionInfo[]> {
  const run = runLua(code, { stopAfterMs: stopAfterMs ?? 15_000 });
  const result = await run.done;
  const last = new Map<number, ConnectionInfo>();
  for (const info of result.connections) last.set(info.id, info);
  return [...last.values()];
}

describe('connections the run leaves open', () => {
  it('end as closed with 1001 when the script fails while a connection is open', async () => {
    const s = await startWsServer();
    servers.push(s);
    const [info] = await finalStates(`
      local c = assert(websocket.connect("${s.url}/ws"))
      error("boom")
    `);
    expect(info.state).toBe('closed');
    expect(info.closeCode).toBe(1001);
  });

  it('end as closed with 1001 when the run is stopped', async () => {
    const s = await startWsServer();
    servers.push(s);
    const [info] = await finalStates(
      `
      local c = assert(websocket.connect("${s.url}/ws"))
      print("open")
      c:channel():receive()
    `,
      300,
    );
    expect(info.state).toBe('closed');
    expect(info.closeCode).toBe(1001);
  });

  it('end as closed with 1006 when the run ends during a close handshake the peer never answers', async () => {
    // A server that reads nothing back: ws answers close frames itself, so pause the socket.
    const s = await startWsServer((socket) => (socket as unknown as { pause(): void }).pause());
    servers.push(s);
    const [info] = await finalStates(`
      local c = assert(websocket.connect("${s.url}/ws"))
      coroutine.spawn(function() c:close() end)
      time.sleep("50ms")
      error("boom while closing")
    `);
    expect(info.state).toBe('closed');
    expect(info.closeCode).toBe(1006);
  });

  it('keep the close the peer completed before the end', async () => {
    const s = await startWsServer();
    servers.push(s);
    const [info] = await finalStates(`
      local c = assert(websocket.connect("${s.url}/ws"))
      c:close(4000, "done")
      error("after close")
    `);
    expect(info.state).toBe('closed');
    expect(info.closeCode).toBe(4000);
  });
});
