/**
 * An upstream that answers the WebSocket handshake itself (RFC 6455 section 4.2.2) and then
 * hands the test the bare TCP socket, for faults a well-behaved `ws` server cannot produce:
 * half a frame on the wire, then the connection gone without a close frame.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** RFC 6455 section 1.3: the GUID the Sec-WebSocket-Accept hash is salted with. */
const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export const OPCODE_TEXT = 0x1;
export const OPCODE_BINARY = 0x2;

export interface RawUpstream {
  url: string;
  /** Every socket accepted, destroyed or not. */
  sockets: Socket[];
  close(): Promise<void>;
}

/** The header of an unmasked server frame (section 5.2) announcing `length` payload bytes. */
export function frameHeader(opcode: number, length: number): Buffer {
  const fin = 0x80;
  if (length < 126) return Buffer.from([fin | opcode, length]);
  if (length < 0x10000) {
    const header = Buffer.from([fin | opcode, 126, 0, 0]);
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.alloc(10);
  header[0] = fin | opcode;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

/** A whole unmasked frame. */
export function frame(opcode: number, payload: string | Buffer): Buffer {
  const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return Buffer.concat([frameHeader(opcode, data.length), data]);
}

/** Write and wait until the bytes are handed to the kernel (so a destroy cannot drop them). */
export function writeFlushed(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    socket.write(data, (err) => (err ? reject(err) : resolve())),
  );
}

/** `onSocket` gets each socket after the 101; if it fails, the socket is destroyed. */
export async function startRawUpstream(
  onSocket: (socket: Socket, request: IncomingMessage) => void | Promise<void>,
): Promise<RawUpstream> {
  const server = createServer((_req, res) => res.writeHead(426).end());
  const sockets: Socket[] = [];
  server.on('upgrade', function rawUpstreamOnUpgrade(req: IncomingMessage, socket: Socket) {
    sockets.push(socket);
    socket.on('error', () => {});
    const key = req.headers['sec-websocket-key'] ?? '';
    const accept = createHash('sha1')
      .update(key + HANDSHAKE_GUID)
      .digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\n' +
        'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    Promise.resolve(onSocket(socket, req)).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
