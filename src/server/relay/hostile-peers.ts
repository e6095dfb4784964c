/**
 * Test fixtures for the relay's attack tests (relay-attacks-*.integration.test.ts), on
 * 127.0.0.1 with ephemeral ports, every one bounded in count:
 *
 *   - hostileUpstream('bomb'): negotiates permessage-deflate and sends `count` messages that
 *     are a few hundred bytes on the wire and `size` bytes inflated, then reads nothing more;
 *   - hostileUpstream('big'): the same uncompressed;
 *   - hostileUpstream('noread'): completes the handshake (with permessage-deflate if asked),
 *     then never reads its socket;
 *   - pageThatDoesNotRead(): a relay client that sends its connect request and stops reading
 *     its TCP socket, so everything the relay sends it piles up at the relay;
 *   - pageThatFloods(): a relay client that, once its upstream is open, writes one small
 *     frame over and over, as fast as its socket takes it, until the relay stops reading.
 *
 * Every socket is destroyed by closeHostilePeers() (afterEach).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { FrameParser, OP, acceptKey, frame } from '../../test-support/raw-frame-server.ts';
import { relayProtocols } from '../../shared/relay-protocol.ts';
import type { ParsedFrame } from '../../test-support/raw-frame-server.ts';

const sockets = new Set<Socket>();
const servers = new Set<Server>();

export async function closeHostilePeers(): Promise<void> {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await Promise.all(
    [...servers].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
  servers.clear();
}

function track(socket: Socket): Socket {
  sockets.add(socket);
  socket.on('error', () => {});
  socket.on('close', () => sockets.delete(socket));
  return socket;
}

export type HostileMode =
  | { mode: 'bomb'; count: number; size: number }
  | { mode: 'big'; count: number; size: number }
  | { mode: 'noread'; deflate?: boolean };

export interface HostileUpstream {
  url: string;
  /** Handshakes completed. */
  connections(): number;
  /** Of those, the sockets the relay has not closed yet. */
  open(): number;
}

export async function hostileUpstream(spec: HostileMode): Promise<HostileUpstream> {
  let connections = 0;
  let open = 0;
  // Built once, here, and shared by every connection (writes do not copy it): a test that
  // measures the relay's memory from after this call does not count the upstream's own frame.
  const message =
    spec.mode === 'bomb'
      ? frame({ opcode: OP.BINARY, payload: deflateRawSync(Buffer.alloc(spec.size)), rsv1: true })
      : spec.mode === 'big'
        ? frame({ opcode: OP.BINARY, payload: Buffer.alloc(spec.size, 0x61) })
        : Buffer.alloc(0);
  const server = createServer((_req, res) => res.writeHead(426).end());
  server.on('connection', (s: Socket) => void track(s));
  server.on('upgrade', function hostileOnUpgrade(req: IncomingMessage, socket: Socket) {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const deflate =
      (spec.mode === 'bomb' || (spec.mode === 'noread' && spec.deflate === true)) &&
      /permessage-deflate/i.test(String(req.headers['sec-websocket-extensions']));
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${acceptKey(key)}\r\n` +
        (deflate
          ? 'Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover\r\n'
          : '') +
        '\r\n',
    );
    connections++;
    open++;
    // 'end': the relay's FIN (an http server's sockets are half-open, so 'close' waits for ours).
    let ended = false;
    const end = (): void => void (ended || ((ended = true), open--));
    socket.once('end', end).once('close', end);
    if (spec.mode === 'noread') return void socket.pause();
    socket.on('data', () => {}); // whatever the relay sends is read and dropped
    if (message.length * spec.count <= 8 * 1024 * 1024) {
      // Small frames in one write: the relay's reads come full, as from a fast server.
      socket.write(Buffer.concat(Array.from({ length: spec.count }, () => message)));
      return;
    }
    let sent = 0;
    const pump = (): void => {
      while (sent < spec.count) {
        sent++;
        if (!socket.write(message)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.add(server);
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    connections: () => connections,
    open: () => open,
  };
}

export interface SilentPage {
  /** Read again and collect frames until the relay closes (or `timeoutMs`), then hang up. */
  readToEnd(timeoutMs?: number): Promise<ParsedFrame[]>;
}

/** A client frame: masked, as RFC 6455 section 5.3 requires of clients. */
const clientFrame = (opcode: number, payload: string | Uint8Array): Buffer =>
  frame({ opcode, payload, mask: new Uint8Array([1, 2, 3, 4]) });

/**
 * A relay client that asks for `connect` and then stops reading: the relay's replies and
 * every message for it stay in the relay's buffers (past what the kernel takes).
 */
export function pageThatDoesNotRead(
  relayPort: number,
  token: string,
  connect: Record<string, unknown>,
  localAddress = '127.0.0.1',
): SilentPage {
  const socket = track(connectTo(relayPort, localAddress));
  socket.write(upgradeRequest(relayPort, token));
  socket.write(clientFrame(OP.TEXT, JSON.stringify(connect)));
  socket.pause();
  return {
    readToEnd(timeoutMs = 5000) {
      const parser = new FrameParser();
      const frames: ParsedFrame[] = [];
      let head = true;
      return new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          socket.destroy(); // read to the end or not, this page hangs up now
          resolve(frames);
        };
        const timer = setTimeout(done, timeoutMs);
        socket.on('data', (chunk: Buffer) => {
          let data = chunk;
          if (head) {
            const end = data.indexOf('\r\n\r\n');
            if (end < 0) return;
            head = false;
            data = data.subarray(end + 4);
          }
          for (const f of parser.push(data)) {
            frames.push(f);
            if (f.opcode === OP.CLOSE) done();
          }
        });
        socket.on('close', done);
        socket.resume();
      });
    },
  };
}

/** The upgrade request a page sends: the token as the subprotocol the page offers. */
function upgradeRequest(relayPort: number, token: string): string {
  return (
    `GET /relay HTTP/1.1\r\nHost: 127.0.0.1:${relayPort}\r\n` +
    'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
    `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: ${relayProtocols(token).join(', ')}\r\n\r\n`
  );
}

export interface FloodResult {
  /** Frames written (the last batch may still wait in the page's own socket). */
  frames: number;
  /** The relay stopped reading: the page's socket took nothing more for a while. */
  stalled: boolean;
}

/**
 * A write the socket has not drained for this long: the relay has stopped reading. Not less:
 * a relay that is busy (collecting a heap of queued frames) can leave a page waiting 500 ms.
 */
const STALL_MS = 2000;

/**
 * A relay client that connects, waits for `opened`, then writes `record` (one page record,
 * e.g. [0x09] for an empty ping) as a masked binary frame, 64 KiB of them at a time, while its
 * socket drains (so the page itself holds at most one batch), until `count` frames or `ms`
 * have gone by, or the relay stopped reading. The socket stays open (the session lives) until
 * closeHostilePeers().
 */
export async function pageThatFloods(
  relayPort: number,
  token: string,
  connect: Record<string, unknown>,
  record: Uint8Array,
  limits: { count: number; ms: number },
): Promise<FloodResult> {
  const socket = track(connectTo(relayPort, '127.0.0.1'));
  socket.write(upgradeRequest(relayPort, token));
  socket.write(clientFrame(OP.TEXT, JSON.stringify(connect)));
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no "opened" from the relay: ${seen}`)), 5000);
    socket.on('data', function floodPageOnData(chunk: Buffer) {
      if (seen.includes('"opened"')) return; // what follows is not needed
      seen += chunk.toString('latin1');
      if (seen.includes('"opened"')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const one = clientFrame(OP.BINARY, record);
  const perBatch = Math.ceil((64 * 1024) / one.length);
  const batch = Buffer.concat(Array.from({ length: perBatch }, () => one));
  const deadline = Date.now() + limits.ms;
  let frames = 0;
  while (frames < limits.count && Date.now() < deadline) {
    frames += perBatch;
    if (socket.write(batch)) continue;
    const drained = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), STALL_MS);
      socket.once('drain', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!drained) return { frames, stalled: true };
  }
  return { frames, stalled: false };
}

function connectTo(port: number, localAddress: string): Socket {
  return connect({ port, host: '127.0.0.1', localAddress });
}

/**
 * Open `count` relay upgrades from `localAddress` that read the 101 and then nothing, and never
 * answer a close frame: what a client squatting on connection slots does.
 */
export function squat(relayPort: number, token: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const socket = track(connectTo(relayPort, '127.0.0.1'));
    socket.write(upgradeRequest(relayPort, token));
    socket.once('data', () => socket.pause());
  }
}
