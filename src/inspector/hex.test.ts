import { describe, expect, it } from 'vitest';
import { binaryDetail, binaryPreview, hexDump, hexPreview, parseHex } from './hex.ts';

describe('hexPreview', () => {
  it('shows hex bytes and printable ASCII', () => {
    expect(hexPreview(new TextEncoder().encode('Hi!'))).toBe('48 69 21  |Hi!|');
  });

  it('shows non-printable bytes as dots and keeps every byte value', () => {
    expect(hexPreview(new Uint8Array([0, 0x7f, 0xff, 0x41]))).toBe('00 7f ff 41  |...A|');
  });

  it('cuts long payloads and says how much is left', () => {
    const bytes = new Uint8Array(40).fill(0x61);
    expect(hexPreview(bytes, 4)).toBe('61 61 61 61  |aaaa| …(+36 bytes)');
  });

  it('marks an empty payload', () => {
    expect(hexPreview(new Uint8Array())).toBe('(empty)');
  });
});

describe('parseHex / binaryPreview', () => {
  it('reads compact, spaced and 0x-prefixed hex', () => {
    expect(Array.from(parseHex('00ff10')!)).toEqual([0, 255, 16]);
    expect(Array.from(parseHex('00 ff 10')!)).toEqual([0, 255, 16]);
    expect(Array.from(parseHex('0x00 0xff')!)).toEqual([0, 255]);
    expect(parseHex('hello')).toBeNull();
    expect(parseHex('abc')).toBeNull();
  });

  it('formats a hex preview from the runtime and marks truncation', () => {
    expect(binaryPreview('48690a', 3)).toBe('48 69 0a  |Hi.|');
    expect(binaryPreview('4869', 100)).toBe('48 69  |Hi| …');
    expect(binaryPreview('not hex', 7)).toBe('not hex');
  });
});

describe('hexDump / binaryDetail', () => {
  it('dumps 16 bytes a line with offsets and an ASCII column', () => {
    const bytes = new TextEncoder().encode('Hello, WebSocket world!');
    expect(hexDump(bytes).split('\n')).toEqual([
      '0000  48 65 6c 6c 6f 2c 20 57 65 62 53 6f 63 6b 65 74  |Hello, WebSocket|',
      '0010  20 77 6f 72 6c 64 21                             | world!|',
    ]);
  });

  it('dumps the runtime preview and says how much was not kept', () => {
    expect(binaryDetail('00 ff …', 10)).toBe(
      '0000  00 ff' + ' '.repeat(42) + '  |..|\n… 8 more bytes not kept by the inspector',
    );
    expect(binaryDetail('not hex', 3)).toBe('not hex');
  });
});
