import { describe, expect, it } from 'vitest';
import { LuaTable, type LuaValue } from './lua/values.ts';
import {
  DEFAULT_OPTIONS,
  validateClose,
  validateConnectOptions,
  validateUrl,
} from './connect-options.ts';

/** A Lua table literal for tests: objects become string-keyed tables, arrays sequences. */
function t(value: Record<string, unknown> | unknown[]): LuaTable {
  const entries: Array<[LuaValue, LuaValue]> = Array.isArray(value)
    ? value.map((v, i) => [i + 1, toLua(v)])
    : Object.entries(value).map(([k, v]) => [k, toLua(v)]);
  return new LuaTable(entries);
}
function toLua(v: unknown): LuaValue {
  if (v !== null && typeof v === 'object') return t(v as Record<string, unknown>);
  return v as LuaValue;
}
function errorOf(options: LuaValue): string {
  const result = validateConnectOptions(options);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('validateConnectOptions', () => {
  it('fills in every default when options are nil', () => {
    const result = validateConnectOptions(null);
    expect(result.ok && { ...result.value, explicit: undefined }).toEqual({
      ...DEFAULT_OPTIONS,
      explicit: undefined,
    });
  });

  it('reads every option of the contract', () => {
    const result = validateConnectOptions(
      t({
        headers: { Authorization: 'Bearer x' },
        protocols: ['graphql-ws', 'v2'],
        dial_timeout: '10s',
        read_timeout: 30_000,
        write_timeout: '1m30s',
        compression: 2,
        compression_threshold: 512,
        read_limit: 0,
        channel_capacity: 8,
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      headers: { Authorization: 'Bearer x' },
      protocols: ['graphql-ws', 'v2'],
      dialTimeoutMs: 10_000,
      readTimeoutMs: 30_000,
      writeTimeoutMs: 90_000,
      compression: 2,
      compressionThreshold: 512,
      readLimit: 128 * 1024 * 1024,
      channelCapacity: 8,
    });
  });

  it.each([
    [{ headers: { Host: 'x' } }, 'Host'],
    [{ headers: { connection: 'x' } }, 'connection'],
    [{ headers: { Upgrade: 'x' } }, 'Upgrade'],
    [{ headers: { 'Sec-WebSocket-Key': 'x' } }, 'Sec-WebSocket-Key'],
    [{ headers: { 'Content-Length': '1' } }, 'Content-Length'],
    [{ headers: { 'X-A': 'a\r\nInjected: 1' } }, 'CR, LF'],
    [{ headers: { 'Bad Name': 'x' } }, 'invalid header name'],
    [{ headers: { 'X-N': 5 } }, 'must be a string'],
    [{ headers: ['x'] }, 'header names must be strings'],
    [{ headers: 'x' }, 'headers must be a table'],
    [{ protocols: [''] }, 'invalid subprotocol'],
    [{ protocols: ['a b'] }, 'invalid subprotocol'],
    [{ protocols: ['a,b'] }, 'invalid subprotocol'],
    [{ protocols: 'graphql-ws' }, 'array of strings'],
    [{ dial_timeout: -1 }, 'dial_timeout must not be negative'],
    [{ dial_timeout: Number.NaN }, 'dial_timeout must not be NaN'],
    [{ read_timeout: '5 seconds' }, 'read_timeout'],
    [{ write_timeout: {} }, 'write_timeout'],
    [{ compression: 3 }, 'compression'],
    [{ compression: 1.5 }, 'compression'],
    [
      { compression_threshold: 100 * 1024 * 1024 + 1 },
      'compression_threshold must be between 0 and 104857600',
    ],
    [{ read_limit: -1 }, 'read_limit must be between 0 and 134217728'],
    [{ read_limit: 128 * 1024 * 1024 + 1 }, 'read_limit must be between 0 and 134217728'],
    [{ channel_capacity: 0 }, 'channel_capacity must be between 1 and 10000'],
    [{ channel_capacity: 10_001 }, 'channel_capacity must be between 1 and 10000'],
    [{ dial_timout: '5s' }, 'unknown option "dial_timout"'],
  ])('refuses %j', (options, message) => {
    expect(errorOf(t(options))).toContain(message);
  });

  it('refuses options that are not a table', () => {
    expect(errorOf('fast')).toContain('options must be a table');
  });
});

describe('validateUrl', () => {
  it.each(['ws://localhost:8080/ws', 'wss://api.example.com/ws?x=1'])('accepts %s', (url) => {
    expect(validateUrl(url).ok).toBe(true);
  });
  it.each(['http://example.com', 'https://x', 'ftp://x', 'not a url', '', 'ws://x/#frag'])(
    'refuses %j',
    (url) => {
      expect(validateUrl(url).ok).toBe(false);
    },
  );
});

describe('validateClose', () => {
  const none = new Uint8Array(0);
  it.each([1000, 1001, 1011, 3000, 4000, 4999])('accepts code %d', (code) => {
    expect(validateClose(code, none, true)).toBeNull();
  });
  it.each([999, 1004, 1005, 1006, 1015, 5000, 0, 1000.5])('refuses code %d', (code) => {
    expect(validateClose(code, none, true)).toMatch(/close code/);
  });
  it.each([1016, 2000, 2999])('refuses reserved code %d, which no library sends', (code) => {
    expect(validateClose(code, none, true)).toMatch(/reserved by the protocol/);
  });
  it.each([1012, 1014])('accepts %d, the last registered codes', (code) => {
    expect(validateClose(code, none, true)).toBeNull();
  });
  it('refuses a reason over 123 bytes or not UTF-8', () => {
    expect(validateClose(1000, new Uint8Array(124), true)).toMatch(/123/);
    expect(validateClose(1000, new Uint8Array([0xff]), false)).toMatch(/UTF-8/);
  });
});
