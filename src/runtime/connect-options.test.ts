import { describe, expect, it } from 'vitest';
import { LuaTable, type LuaValue } from './lua/values.ts';
import { DEFAULT_OPTIONS, DEFAULT_READ_LIMIT, parseConnectOptions } from './connect-options.ts';

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

describe('parseConnectOptions (module.go:165-249)', () => {
  it('fills in the platform defaults: no dial deadline, 16 MiB read_limit (B13, B14)', () => {
    const { options, warnings } = parseConnectOptions(null);
    expect({ ...options, explicit: undefined }).toEqual({
      ...DEFAULT_OPTIONS,
      explicit: undefined,
    });
    expect(options.dialTimeoutMs).toBe(0);
    expect(options.readLimit).toBe(16 * 1024 * 1024);
    expect(warnings).toEqual([]);
  });

  it('reads every option, durations in ms or Go syntax, compression by name', () => {
    const { options, warnings } = parseConnectOptions(
      t({
        headers: { Authorization: 'Bearer x' },
        protocols: ['graphql-ws', 'v2'],
        dial_timeout: '10s',
        read_timeout: 30_000,
        write_timeout: '1m30s',
        compression: 'no_context_takeover',
        compression_threshold: 512,
        read_limit: 0,
        channel_capacity: 8,
      }),
    );
    expect(warnings).toEqual([]);
    expect(options).toMatchObject({
      headers: { Authorization: 'Bearer x' },
      protocols: ['graphql-ws', 'v2'],
      dialTimeoutMs: 10_000,
      readTimeoutMs: 30_000,
      writeTimeoutMs: 90_000,
      compression: 2,
      compressionThreshold: 512,
      readLimit: DEFAULT_READ_LIMIT,
      channelCapacity: 8,
    });
  });

  it('keeps the default for every bad value and says so once per value', () => {
    const { options, warnings } = parseConnectOptions(
      t({ read_limit: -1, dial_timeout: ' 5s', compression: '1', oops: true }),
    );
    expect(options.readLimit).toBe(DEFAULT_READ_LIMIT);
    expect(options.dialTimeoutMs).toBe(0);
    expect(options.compression).toBe(0);
    expect(options.explicit.size).toBe(0);
    expect(warnings).toHaveLength(4);
  });
});
