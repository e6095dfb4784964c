/**
 * Resilience faults (issue 5), over real loopback sockets, for the Node transport and through
 * the relay: the upstream dying in the middle of a message, the relay dying in the middle of a
 * stream, and a run stopped while its send is blocked on backpressure. Each time the script
 * must see what happened (1006, earlier messages intact) and the run must end, promptly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { closeAll, startUpstream, waitFor } from '../server/relay/testing.ts';
import { expectFinished, setUpTransport, startWatched, type TransportName } from './fault-runs.ts';
import {
  OP,
  closeRawFrameServers,
  frame,
  startRawFrameServer,
} from '../test-support/raw-frame-server.ts';

afterEach(async () => {
  await closeRawFrameServers();
  await closeAll();
});

const TRANSPORTS: TransportName[] = ['node', 'relay'];

/** The close code the upstream's side of `socket` reports, within `timeoutMs`. */
function closedWith(socket: WebSocket, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the upstream socket did not close within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Until `lines` stops growing for `quietMs`: the script is parked, not merely slow. */
async function waitForStall(lines: string[], quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = lines.length;
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`the script kept going: ${lines.at(-1)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (lines.length !== seen) {
      seen = lines.length;
      since = Date.now();
    }
  }
}

/** Receive until the channel closes, printing each message, then close_info(). */
const RECEIVE_ALL = `
  local ch = c:channel()
  while true do
    local m, ok = ch:receive()
    if not ok then break end
    print("message", m.type, m.data)
  end
  print("closed", c:close_info())
`;

describe.each(TRANSPORTS)('%s transport: resilience', (name) => {
  it('reports 1006 when the upstream dies mid-message, keeping the complete ones', async () => {
    const upstream = await startRawFrameServer();
    void upstream.nextPeer().then(function killMidMessage(peer) {
      peer.send(
        frame({ opcode: OP.TEXT, payload: 'one' }),
        frame({ opcode: OP.TEXT, payload: 'two' }),
      );
      // A 1 MiB text frame of which only the header and 64 KiB ever arrive.
      const whole = frame({ opcode: OP.TEXT, payload: Buffer.alloc(1024 * 1024, 'x') });
      peer.send(whole.subarray(0, 10 + 64 * 1024));
      setTimeout(() => peer.destroy(), 50);
    });
    const { choice } = await setUpTransport(name);
    const started = Date.now();
    const r = await startWatched(
      `local c = assert(websocket.connect("${upstream.url}"))\n${RECEIVE_ALL}`,
      choice,
      { frames: true, stopAfterMs: 10_000 },
    ).done;
    expectFinished(r);
    expect(r.lines).toEqual(['message\ttext\tone', 'message\ttext\ttwo', 'closed\t1006\t']);
    // Nothing of the partial frame reached the script, not even as a frame record.
    const incoming = r.frames.filter((f) => f.direction === 'in');
    expect(incoming.map((f) => [f.kind, f.size])).toEqual([
      ['text', 3],
      ['text', 3],
      ['close', 0],
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('ends promptly when stopped during a send blocked on backpressure', async () => {
    const upstream = await startUpstream();
    // The upstream never reads: TCP fills up, then the transport's buffer, then send waits.
    upstream.wss.on('connection', (ws) => ws.pause());
    const { choice } = await setUpTransport(name);
    const run = startWatched(
      `
      local c = assert(websocket.connect("${upstream.url}/slow"))
      local chunk = string.rep("x", 1024 * 1024)
      local n = 0
      while true do
        assert(c:send(chunk, websocket.BINARY))
        n = n + 1
        print("sent " .. n .. " MiB")
      end
      `,
      choice,
      { stopAfterMs: 15_000 },
    );
    const server = await upstream.nextSocket();
    await waitFor(() => run.lines.length > 0, 5000, 'the first send');
    await waitForStall(run.lines, 500, 10_000);
    const sent = run.lines.length;
    // Bounded by the send high-water mark (8 MiB) plus what the sockets between hold.
    expect(sent).toBeLessThan(64);

    const stopped = Date.now();
    run.stop();
    const r = await run.done;
    // Far below the 15 s safety stop, far above any scheduling delay of a loaded machine.
    expect(Date.now() - stopped).toBeLessThan(3000);
    expect(r.end.status).toBe('stopped');
    expect(r.lines).toHaveLength(sent);

    // The close frame waits behind the unsent data; once the upstream reads again it arrives.
    const serverClosed = closedWith(server);
    server.resume();
    expect(await serverClosed).toBe(1001);
  }, 30_000);
});

describe('relay transport: the relay dies', () => {
  it('reports 1006 when the relay dies mid-stream', async () => {
    const upstream = await startUpstream();
    upstream.wss.on('connection', function streamCounter(ws) {
      let n = 0;
      const timer = setInterval(() => ws.send(String(n++)), 2);
      ws.on('close', () => clearInterval(timer));
    });
    const { choice, relay } = await setUpTransport('relay');
    const run = startWatched(
      `
      local c = assert(websocket.connect("${upstream.url}/stream"))
      local ch = c:channel()
      local n = 0
      while true do
        local m, ok = ch:receive()
        if not ok then break end
        -- in order, none lost, up to the end
        if tonumber(m.data) ~= n then error("expected " .. n .. ", got " .. m.data) end
        n = n + 1
        if n == 20 then print("streaming") end
      end
      print("received", n, c:close_info())
      `,
      choice,
      { stopAfterMs: 10_000 },
    );
    await waitFor(() => run.lines.includes('streaming'), 5000, 'the stream to flow');
    const upstreamSocket = await upstream.nextSocket();
    const upstreamClosed = closedWith(upstreamSocket);
    relay!.kill();
    const killed = Date.now();
    const r = await run.done;
    const endedAfter = Date.now() - killed;
    expectFinished(r);
    expect(r.lines).toHaveLength(2);
    const [word, received, code, reason] = r.lines[1]!.split('\t');
    expect([word, code, reason]).toEqual(['received', '1006', '']);
    expect(Number(received)).toBeGreaterThanOrEqual(20);
    expect(endedAfter).toBeLessThan(5000);
    // The relay's page sockets died with it; its upstream legs are closed as going away.
    expect(await upstreamClosed).toBe(1001);
  });
});
