/**
 * The inspector's composer (issue 20): a message typed by hand goes out on an open connection
 * of the running script, over a real socket, and is recorded like the script's own frames.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runLua } from './run-for-test.ts';
import { startWsServer, type TestServer } from '../test-support/ws-server.ts';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const encode = (text: string) => new TextEncoder().encode(text);
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Try `send` until the connection is past its handshake (bounded: about a second). */
async function composeOnceOpen(send: () => string | null): Promise<string | null> {
  let error = send();
  for (
    let i = 0;
    error !== null && /not open \(connecting\)|#\d+ is not open;/.test(error) && i < 200;
    i++
  ) {
    await tick();
    error = send();
  }
  return error;
}

describe('compose', () => {
  it('sends on the open connection; the echo reaches the script and both are recorded', async () => {
    const s = await startWsServer();
    servers.push(s);
    const run = runLua(`
      local c = assert(websocket.connect("${s.url}/ws"))
      print("open")
      local m = c:channel():receive()
      print(m.type, m.data)
      local b = c:channel():receive()
      print(b.type, #b.data, string.byte(b.data, 1, -1))
      c:close()
    `);
    // The script blocks in receive() until the composer's message comes back.
    const error = await composeOnceOpen(() => run.compose(1, encode('{"hi":1}'), false));
    expect(error).toBeNull();
    expect(run.compose(1, new Uint8Array([0, 255]), true)).toBeNull();
    const result = await run.done;
    expect(result.end.status).toBe('finished');
    expect(result.lines).toEqual(['open', 'text\t{"hi":1}', 'binary\t2\t0\t255']);
    const composed = result.frames.filter((f) => f.composed);
    expect(composed.map((f) => [f.direction, f.kind, f.size])).toEqual([
      ['out', 'text', 8],
      ['out', 'binary', 2],
    ]);
    expect(result.frames.filter((f) => f.direction === 'in' && f.kind !== 'close')).toHaveLength(2);
  });

  it('refuses a connection that is closed or unknown, and after the run', async () => {
    const s = await startWsServer();
    servers.push(s);
    const run = runLua(`
      local c = assert(websocket.connect("${s.url}/ws"))
      c:close()
      time.sleep("10s")
    `);
    // Wait until the server has seen the connection open and close again (bounded).
    for (let i = 0; (s.sockets[0]?.readyState ?? 0) <= 1 && i < 400; i++) await tick();
    await tick();
    expect(run.compose(1, encode('x'), false)).toMatch(/connection #1 is not open/);
    expect(run.compose(7, encode('x'), false)).toMatch(/connection #7 is not open/);
    run.stop();
    const result = await run.done;
    expect(run.compose(1, encode('x'), false)).toMatch(/the run has ended/);
    expect(result.frames.some((f) => f.composed)).toBe(false);
  });
});
