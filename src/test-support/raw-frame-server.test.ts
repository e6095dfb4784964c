/**
 * The raw frame builder and parser against each other and against hand-written bytes from
 * RFC 6455 section 5.7, at every length-encoding boundary (7-bit, 16-bit, 64-bit).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  FrameParser,
  OP,
  acceptKey,
  closePayload,
  closeRawFrameServers,
  frame,
  startRawFrameServer,
} from './raw-frame-server.ts';

afterEach(closeRawFrameServers);

const KEY = Uint8Array.from([0x37, 0xfa, 0x21, 0x3d]);
const pattern = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7) % 256));

describe('frame()', () => {
  it('matches the examples of RFC 6455 section 5.7', () => {
    // A single-frame unmasked text message "Hello".
    expect(frame({ opcode: OP.TEXT, payload: 'Hello' })).toEqual(
      Buffer.from([0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]),
    );
    // The same, masked with 37 fa 21 3d.
    expect(frame({ opcode: OP.TEXT, payload: 'Hello', mask: KEY })).toEqual(
      Buffer.from([0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58]),
    );
    // A fragmented first frame "Hel".
    expect(frame({ opcode: OP.TEXT, payload: 'Hel', fin: false })).toEqual(
      Buffer.from([0x01, 0x03, 0x48, 0x65, 0x6c]),
    );
  });

  it.each([
    [0, 2, 0],
    [125, 2, 125],
    [126, 4, 126],
    [65535, 4, 126],
    [65536, 10, 127],
  ])('encodes a %i-byte payload with a %i-byte header', (n, headerSize, marker) => {
    const bytes = frame({ opcode: OP.BINARY, payload: pattern(n) });
    expect(bytes.length).toBe(headerSize + n);
    expect(bytes[1]).toBe(marker);
    if (headerSize === 4) expect(bytes.readUInt16BE(2)).toBe(n);
    if (headerSize === 10) expect(bytes.readBigUInt64BE(2)).toBe(BigInt(n));
  });

  it('sets the reserved bits and any opcode it is given, valid or not', () => {
    expect(frame({ opcode: 11, rsv1: true, rsv2: true, rsv3: true })[0]).toBe(0xfb);
    expect(frame({ opcode: OP.PING, fin: false, rsv2: true })[0]).toBe(0x29);
  });

  it('builds close payloads with and without a code', () => {
    expect(closePayload()).toEqual(Buffer.alloc(0));
    expect(closePayload(1000, 'ok')).toEqual(Buffer.from([0x03, 0xe8, 0x6f, 0x6b]));
    expect(closePayload(5000, Uint8Array.of(0xff))).toEqual(Buffer.from([0x13, 0x88, 0xff]));
  });
});

describe('FrameParser', () => {
  it.each([0, 1, 125, 126, 127, 65535, 65536, 200_000])(
    'round-trips a masked %i-byte frame fed one odd-sized chunk at a time',
    (n) => {
      const payload = pattern(n);
      const bytes = frame({ opcode: OP.BINARY, payload, mask: KEY });
      const parser = new FrameParser();
      const out = [];
      for (let i = 0; i < bytes.length; i += 997)
        out.push(...parser.push(bytes.subarray(i, i + 997)));
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ fin: true, rsv: 0, opcode: OP.BINARY, masked: true });
      expect(out[0]!.payload.equals(payload)).toBe(true);
    },
  );

  it('parses several frames from one chunk and a header split byte by byte', () => {
    const parser = new FrameParser();
    const a = frame({ opcode: OP.PING, payload: 'p', mask: KEY });
    const b = frame({ opcode: OP.CLOSE, payload: closePayload(1002, 'bad'), mask: KEY });
    const c = frame({ opcode: OP.TEXT, payload: 'x'.repeat(300), fin: false });
    const first = parser.push(Buffer.concat([a, b, c.subarray(0, 1)]));
    expect(first.map((f) => [f.opcode, f.payload.toString('hex')])).toEqual([
      [OP.PING, '70'],
      [OP.CLOSE, '03ea626164'],
    ]);
    expect(first[1]).toMatchObject({ code: 1002, reason: 'bad' });
    expect(parser.push(c.subarray(1, 2))).toEqual([]);
    expect(parser.push(c.subarray(2, 3))).toEqual([]);
    const [last] = parser.push(c.subarray(3));
    expect(last).toMatchObject({ fin: false, masked: false, opcode: OP.TEXT });
    expect(last!.payload.toString()).toBe('x'.repeat(300));
  });

  it('leaves code undefined for a close frame without a payload', () => {
    const [f] = new FrameParser().push(frame({ opcode: OP.CLOSE, mask: KEY }));
    expect(f!.code).toBeUndefined();
    expect(f!.reason).toBe('');
  });
});

describe('startRawFrameServer', () => {
  it('computes Sec-WebSocket-Accept as RFC 6455 section 1.3 shows', () => {
    expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('completes a handshake with ws, sends raw frames and reads the masked reply', async () => {
    const server = await startRawFrameServer();
    const client = new WebSocket(server.url);
    client.on('error', () => {});
    const got = new Promise<string>((resolve, reject) => {
      client.on('message', (data: Buffer) => resolve(data.toString()));
      client.on('close', () => reject(new Error('closed before a message')));
    });
    const peer = await server.nextPeer();
    peer.send(frame({ opcode: OP.TEXT, payload: 'he', fin: false }));
    peer.send(frame({ opcode: OP.CONT, payload: 'llo' }));
    expect(await got).toBe('hello');
    client.close(4000, 'done');
    const close = await peer.waitForClose();
    expect(close).toEqual({ code: 4000, reason: 'done', before: [] });
    expect(peer.frames.every((f) => f.masked)).toBe(true);
    await peer.ended;
  });

  it('rejects nextFrame after its timeout instead of waiting forever', async () => {
    const server = await startRawFrameServer();
    const client = new WebSocket(server.url);
    client.on('error', () => {});
    const peer = await server.nextPeer();
    await expect(peer.nextFrame(50)).rejects.toThrow('no frame within 50 ms');
    client.terminate();
  });
});
