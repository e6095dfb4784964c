import { describe, expect, it } from 'vitest';
import { acceptedCodings, chooseCoding } from './content-encoding.ts';

const both = ['br', 'gzip'] as const;

describe('chooseCoding', () => {
  it('prefers brotli, then gzip, then the file itself', () => {
    expect(chooseCoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseCoding('gzip, deflate', both)).toBe('gzip');
    expect(chooseCoding('deflate', both)).toBeNull();
    expect(chooseCoding(undefined, both)).toBeNull();
    expect(chooseCoding('', both)).toBeNull();
  });

  it('offers only the copies that exist', () => {
    expect(chooseCoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseCoding('br', ['gzip'])).toBeNull();
    expect(chooseCoding('br, gzip', [])).toBeNull();
  });

  it('honours q=0 as "not acceptable", and the wildcard', () => {
    expect(chooseCoding('br;q=0, gzip', both)).toBe('gzip');
    expect(chooseCoding('br;q=0, gzip;q=0', both)).toBeNull();
    expect(chooseCoding('*', both)).toBe('br');
    expect(chooseCoding('*;q=0, gzip', both)).toBe('gzip');
    expect(chooseCoding('BR ; Q=0.5', both)).toBe('br');
    expect(chooseCoding('x-gzip', both)).toBe('gzip');
  });

  it('reads a malformed header without throwing', () => {
    expect(acceptedCodings(';;,, ;q=, br;q=abc')).toEqual(new Map([['br', 1]]));
    expect(chooseCoding('gzip;q=2', both)).toBe('gzip');
  });
});
