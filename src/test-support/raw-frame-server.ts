/**
 * A WebSocket server for client-side fault tests: it completes a real RFC 6455 handshake on
 * 127.0.0.1 and then writes whatever bytes a test builds, however broken (reserved bits,
 * unknown opcodes, bad close codes, oversized control frames, invalid UTF-8). What the client
 * sends back is parsed frame by frame, so a test can assert the exact close code and pong
 * payloads. `ws` itself refuses to send most of these, hence raw frames.
 *
 *   const server = await startRawFrameServer();        // afterEach(closeRawFrameServers)
 *   const run = lua(script(server.url), { transport });
 *   const peer = await server.nextPeer();
 *   peer.send(frame({ opcode: OP.TEXT, payload: 'a', fin: false }), frame({ opcode: OP.CONT, payload: 'b' }));
 *   const close = await peer.waitForClose();            // echoes the close, ends TCP
 *
 * Nothing waits forever: every wait has a timeout, and closeRawFrameServers() destroys every
 * socket and server still open.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const OP = { CONT: 0x0, TEXT: 0x1, BINARY: 0x2, CLOSE: 0x8, PING: 0x9, PONG: 0xa } as const;

/** RFC 6455 section 1.3: the GUID appended to Sec-WebSocket-Key. */
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const DEFAULT_TIMEOUT_MS = 5_000;

export function acceptKey(key: string): string {
  return createHash('sha1')
    .update(key + WS_GUID)
    .digest('base64');
}

const bytesOf = (p: Uint8Array | string = ''): Buffer =>
  typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p.buffer, p.byteOffset, p.length);

export interface FrameSpec {
  opcode: number;
  payload?: Uint8Array | string;
  /** Default true. */
  fin?: boolean;
  rsv1?: boolean;
  rsv2?: boolean;
  rsv3?: boolean;
  /** false (server frames, the default), or a 4-byte key (client frames, for the parser's tests). */
  mask?: false | Uint8Array;
}

/** One frame's bytes (RFC 6455 section 5.2), with no check at all: broken frames are the point. */
export function frame(spec: FrameSpec): Buffer {
  const payload = bytesOf(spec.payload);
  const n = payload.length;
  const lengthBytes = n < 126 ? 0 : n < 65536 ? 2 : 8;
  const key = spec.mask || undefined;
  const head = Buffer.alloc(2 + lengthBytes + (key ? 4 : 0));
  head[0] =
    ((spec.fin ?? true) ? 0x80 : 0) |
    (spec.rsv1 ? 0x40 : 0) |
    (spec.rsv2 ? 0x20 : 0) |
    (spec.rsv3 ? 0x10 : 0) |
    (spec.opcode & 0x0f);
  head[1] = (key ? 0x80 : 0) | (lengthBytes === 0 ? n : lengthBytes === 2 ? 126 : 127);
  if (lengthBytes === 2) head.writeUInt16BE(n, 2);
  if (lengthBytes === 8) head.writeBigUInt64BE(BigInt(n), 2);
  if (!key) return Buffer.concat([head, payload]);
  head.set(key.subarray(0, 4), 2 + lengthBytes);
  const body = Buffer.from(payload); // a copy: the caller's bytes stay as they were
  applyMask(body, key);
  return Buffer.concat([head, body]);
}

/** A close frame's payload: a 2-byte code (none when undefined) and a UTF-8 or raw reason. */
export function closePayload(code?: number, reason: Uint8Array | string = ''): Buffer {
  if (code === undefined) return Buffer.alloc(0);
  const head = Buffer.alloc(2);
  head.writeUInt16BE(code);
  return Buffer.concat([head, bytesOf(reason)]);
}

function applyMask(data: Uint8Array, key: Uint8Array): void {
  for (let i = 0; i < data.length; i++) data[i]! ^= key[i & 3]!;
}

export interface ParsedFrame {
  fin: boolean;
  rsv: number;
  opcode: number;
  masked: boolean;
  /** Unmasked. */
  payload: Buffer;
  /** Close frames only: the status code (undefined when the payload is empty) and reason. */
  code?: number;
  reason?: string;
}

/**
 * Incremental frame parser. A payload is copied once into a buffer of its announced size, so
 * a 16 MiB frame arriving in 64 KiB reads costs no re-concatenation.
 */
export class FrameParser {
  private head = Buffer.alloc(0);
  private current?: { frame: ParsedFrame; key?: Buffer; filled: number };

  /** Feed bytes; returns the frames they complete, in order. */
  push(chunk: Uint8Array): ParsedFrame[] {
    const done: ParsedFrame[] = [];
    let data = bytesOf(chunk);
    while (data.length > 0 || (this.current && this.isFull())) {
      if (!this.current) {
        this.head = Buffer.concat([this.head, data]);
        const rest = this.parseHeader();
        if (rest === undefined) break;
        data = rest;
        continue;
      }
      const { frame: f } = this.current;
      const take = Math.min(data.length, f.payload.length - this.current.filled);
      data.copy(f.payload, this.current.filled, 0, take);
      this.current.filled += take;
      data = data.subarray(take);
      if (this.isFull()) done.push(this.finish());
    }
    return done;
  }

  private isFull(): boolean {
    return !!this.current && this.current.filled === this.current.frame.payload.length;
  }

  /** Parse the header in `head` if it is complete; returns the bytes after it. */
  private parseHeader(): Buffer | undefined {
    const h = this.head;
    if (h.length < 2) return undefined;
    const masked = (h[1]! & 0x80) !== 0;
    const short = h[1]! & 0x7f;
    const lengthBytes = short === 126 ? 2 : short === 127 ? 8 : 0;
    const size = 2 + lengthBytes + (masked ? 4 : 0);
    if (h.length < size) return undefined;
    const length =
      lengthBytes === 2
        ? h.readUInt16BE(2)
        : lengthBytes === 8
          ? Number(h.readBigUInt64BE(2))
          : short;
    this.current = {
      frame: {
        fin: (h[0]! & 0x80) !== 0,
        rsv: (h[0]! & 0x70) >> 4,
        opcode: h[0]! & 0x0f,
        masked,
        payload: Buffer.alloc(length),
      },
      key: masked ? Buffer.from(h.subarray(size - 4, size)) : undefined,
      filled: 0,
    };
    const rest = h.subarray(size);
    this.head = Buffer.alloc(0);
    return rest;
  }

  private finish(): ParsedFrame {
    const { frame: f, key } = this.current!;
    this.current = undefined;
    if (key) applyMask(f.payload, key);
    if (f.opcode === OP.CLOSE && f.payload.length >= 2) {
      f.code = f.payload.readUInt16BE(0);
      f.reason = f.payload.subarray(2).toString('utf8');
    } else if (f.opcode === OP.CLOSE) f.reason = '';
    return f;
  }
}

/** One client connection, after the handshake. */
export class RawPeer {
  /** Every frame received so far, in order. */
  readonly frames: ParsedFrame[] = [];
  /** Resolves when the TCP connection is closed. */
  readonly ended: Promise<void>;
  private read = 0;
  private readonly sent = new FrameParser();
  private closeSent = false;
  private isEnded = false;
  private wake?: () => void;

  constructor(
    readonly request: IncomingMessage,
    private readonly socket: Socket,
    head: Buffer,
  ) {
    const parser = new FrameParser();
    const onData = (chunk: Buffer) => {
      this.frames.push(...parser.push(chunk));
      this.wake?.();
    };
    socket.on('data', onData);
    socket.on('error', () => {}); // a reset by the client shows as 'close'; tests assert frames
    this.ended = new Promise((resolve) =>
      socket.on('close', () => {
        this.isEnded = true;
        this.wake?.();
        resolve();
      }),
    );
    if (head.length > 0) onData(head);
  }

  /** Write frames (or any bytes: half a frame, several at once) exactly as given. */
  send(...chunks: Uint8Array[]): void {
    for (const chunk of chunks) {
      // Our own frames are parsed too, only to know whether a close already went out.
      if (this.sent.push(chunk).some((f) => f.opcode === OP.CLOSE)) this.closeSent = true;
      this.socket.write(chunk);
    }
  }

  /** Start the closing handshake from the server side. */
  close(code?: number, reason: Uint8Array | string = ''): void {
    this.send(frame({ opcode: OP.CLOSE, payload: closePayload(code, reason) }));
  }

  /** The next frame not yet returned; rejects on timeout or when the connection ends first. */
  async nextFrame(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ParsedFrame> {
    const deadline = Date.now() + timeoutMs;
    while (this.read >= this.frames.length) {
      if (this.isEnded) throw new Error(`connection ended; frames so far: ${this.describe()}`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no frame within ${timeoutMs} ms; frames so far: ${this.describe()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    return this.frames[this.read++]!;
  }

  /**
   * Read frames up to the client's close frame, then finish the handshake as a server does:
   * echo the close (unless this side sent one first, RFC 6455 section 5.5.1) and close the
   * TCP connection first (section 7.1.1). `before` holds the frames read on the way.
   */
  async waitForClose(
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<{ code?: number; reason: string; before: ParsedFrame[] }> {
    const before: ParsedFrame[] = [];
    for (;;) {
      const f = await this.nextFrame(timeoutMs);
      if (f.opcode !== OP.CLOSE) {
        before.push(f);
        continue;
      }
      if (!this.closeSent) this.send(frame({ opcode: OP.CLOSE, payload: f.payload }));
      this.socket.end();
      return { code: f.code, reason: f.reason ?? '', before };
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  private describe(): string {
    return JSON.stringify(
      this.frames.map((f) => ({ opcode: f.opcode, length: f.payload.length, code: f.code })),
    );
  }
}

export interface RawFrameServer {
  /** ws://127.0.0.1:<port>/ */
  url: string;
  /** The next connection to complete the handshake (in order of arrival). */
  nextPeer(timeoutMs?: number): Promise<RawPeer>;
  close(): Promise<void>;
}

const openServers = new Set<RawFrameServer>();

/** Close every server started here and destroy its sockets; for afterEach. */
export async function closeRawFrameServers(): Promise<void> {
  await Promise.all([...openServers].map((s) => s.close()));
}

export async function startRawFrameServer(): Promise<RawFrameServer> {
  const sockets = new Set<Socket>();
  const peers: RawPeer[] = [];
  let taken = 0;
  let arrived: () => void = () => {};
  const http = createServer((_req, res) => res.writeHead(426).end());
  http.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  http.on('upgrade', function rawOnUpgrade(req: IncomingMessage, socket: Socket, head: Buffer) {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string' || req.headers.upgrade?.toLowerCase() !== 'websocket') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    // No Sec-WebSocket-Extensions in the answer: no extension is negotiated, so every RSV
    // bit must be 0 (RFC 6455 section 5.2) and a set one is a protocol error.
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${acceptKey(key)}\r\n\r\n`,
    );
    socket.setNoDelay(true);
    peers.push(new RawPeer(req, socket, head));
    arrived();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const server: RawFrameServer = {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/`,
    async nextPeer(timeoutMs = DEFAULT_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      while (peers.length <= taken) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no WebSocket client connected within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          arrived = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return peers[taken++]!;
    },
    close() {
      openServers.delete(server);
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  openServers.add(server);
  return server;
}
