import { describe, expect, it } from 'vitest';
import {
  FRAME_BATCH,
  FRAME_BINARY,
  FRAME_PING,
  FRAME_PONG,
  FRAME_TEXT,
  decodePageFrame,
  decodeRelayFrame,
  encodeBatch,
  encodeFrame,
} from './relay-protocol.ts';
import { parsePageMessage, parseRelayMessage } from './relay-messages.ts';

const bytes = (...xs: number[]) => new Uint8Array(xs);

describe('relay protocol frames', () => {
  it('round-trips a single record with every byte value', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const [record] = decodeRelayFrame(encodeFrame(FRAME_BINARY, all));
    expect(record!.kind).toBe(FRAME_BINARY);
    expect([...record!.data]).toEqual([...all]);
  });

  it('unpacks a batch into its records in order, empty payloads included', () => {
    const records = [
      { kind: FRAME_TEXT, data: bytes(104, 105) },
      { kind: FRAME_BINARY, data: bytes() },
      { kind: FRAME_PING, data: bytes(1) },
      { kind: FRAME_PONG, data: bytes(2, 3) },
    ] as const;
    const decoded = decodeRelayFrame(encodeBatch(records));
    expect(decoded.map((r) => [r.kind, [...r.data]])).toEqual(
      records.map((r) => [r.kind, [...r.data]]),
    );
  });

  it('refuses truncated batches, unknown kinds and empty frames', () => {
    const batch = encodeBatch([{ kind: FRAME_TEXT, data: bytes(1, 2, 3) }]);
    expect(() => decodeRelayFrame(batch.subarray(0, batch.length - 1))).toThrow(/truncated/);
    expect(() => decodeRelayFrame(bytes(FRAME_BATCH, FRAME_TEXT, 0))).toThrow(/truncated/);
    expect(() => decodeRelayFrame(bytes(0x42))).toThrow(/unknown frame kind/);
    expect(() => decodeRelayFrame(bytes())).toThrow(/empty/);
    expect(() => decodePageFrame(bytes(FRAME_BATCH))).toThrow(/unknown frame kind/);
    expect(() => decodePageFrame(encodeFrame(FRAME_PING, new Uint8Array(126)))).toThrow(/125/);
  });
});

describe('relay protocol control messages', () => {
  it('parses a connect with defaults for missing optional fields', () => {
    const parsed = parsePageMessage('{"type":"connect","version":1,"url":"ws://a/"}');
    expect(parsed).toEqual({
      ok: true,
      value: {
        type: 'connect',
        version: 1,
        url: 'ws://a/',
        headers: {},
        protocols: [],
        dialTimeoutMs: 0,
        compression: 0,
        compressionThreshold: 0,
        readLimit: 0,
      },
    });
  });

  it('parses a close that asks to drop the upstream', () => {
    expect(parsePageMessage('{"type":"close","drop":true}')).toEqual({
      ok: true,
      value: { type: 'close', drop: true },
    });
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[]', /no "type"/],
    ['{"type":"connect","version":"1","url":"x"}', /version/],
    ['{"type":"connect","version":1,"url":"x","headers":{"a":1}}', /headers/],
    ['{"type":"connect","version":1,"url":"x","compression":3}', /compression/],
    ['{"type":"ack","bytes":-1}', /bytes/],
    ['{"type":"close","code":70000}', /close code/],
    ['{"type":"close","drop":1}', /drop/],
    ['{"type":"hello"}', /unknown control message/],
  ])('refuses %s', (text, error) => {
    const parsed = parsePageMessage(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });

  it('parses the relay side', () => {
    expect(
      parseRelayMessage('{"type":"opened","protocol":"","extensions":"","window":65536}').ok,
    ).toBe(true);
    expect(parseRelayMessage('{"type":"failed","message":"no"}')).toEqual({
      ok: true,
      value: { type: 'failed', message: 'no' },
    });
    expect(parseRelayMessage('{"type":"close","code":4000,"reason":"r"}')).toEqual({
      ok: true,
      value: { type: 'close', code: 4000, reason: 'r' },
    });
    expect(parseRelayMessage('{"type":"opened"}').ok).toBe(false);
    expect(
      parseRelayMessage(
        '{"type":"opened","protocol":"","extensions":"","window":1,"headers":{"Server":"x"}}',
      ),
    ).toEqual({
      ok: true,
      value: { type: 'opened', protocol: '', extensions: '', window: 1, headers: { Server: 'x' } },
    });
    expect(
      parseRelayMessage(
        '{"type":"opened","protocol":"","extensions":"","window":1,"headers":{"a":1}}',
      ).ok,
    ).toBe(false);
  });

  it('never throws on 10,000 random inputs except with its own frame errors', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 10_000; i++) {
      const data = new Uint8Array(Math.floor(random() * 40)).map(() => Math.floor(random() * 256));
      if (i % 4 === 0 && data.length > 0) data[0] = FRAME_BATCH;
      const textInput = new TextDecoder().decode(data);
      expect(() => parsePageMessage(textInput)).not.toThrow();
      expect(() => parseRelayMessage(textInput)).not.toThrow();
      for (const decode of [decodeRelayFrame, decodePageFrame]) {
        try {
          decode(data);
        } catch (err) {
          expect((err as Error).constructor).toBe(Error);
        }
      }
    }
  });
});
