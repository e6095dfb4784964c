import { describe, expect, it } from 'vitest';
import { LUA_API } from './lua-api.ts';

const modules = new Map(LUA_API.modules.map((m) => [m.name, m]));

describe('the Lua API description', () => {
  it('describes every module of the contract', () => {
    expect([...modules.keys()]).toEqual(
      expect.arrayContaining(['websocket', 'channel', 'time', 'json', 'errors']),
    );
  });

  it('documents every function and method: signature, params, returns, doc', () => {
    for (const mod of LUA_API.modules) {
      const fns = [...mod.functions, ...mod.classes.flatMap((c) => c.methods)];
      for (const fn of fns) {
        const where = `${mod.name}: ${fn.signature}`;
        expect(fn.doc.length, where).toBeGreaterThan(5);
        expect(fn.returns.length, where).toBeGreaterThan(0);
        expect(fn.signature, where).toContain(fn.name);
        for (const p of fn.params) expect(p.doc.length, `${where} ${p.name}`).toBeGreaterThan(2);
      }
    }
  });

  it('has the functions and methods the contract names', () => {
    const names = (m: string) => modules.get(m)!.functions.map((f) => f.name);
    const methods = (m: string, c: string) =>
      modules
        .get(m)!
        .classes.find((x) => x.name === c)!
        .methods.map((f) => f.name);
    expect(names('websocket')).toEqual(['connect']);
    expect(methods('websocket', 'client')).toEqual([
      'send',
      'ping',
      'channel',
      'receive',
      'close',
      'close_info',
    ]);
    expect(names('channel')).toEqual(['new', 'select']);
    expect(methods('channel', 'channel')).toEqual([
      'send',
      'receive',
      'close',
      'case_send',
      'case_receive',
    ]);
    expect(names('time')).toEqual(['after', 'sleep', 'now']);
    expect(names('json')).toEqual(['encode', 'decode', 'validate', 'validate_string']);
    expect(names('errors')).toEqual(['new', 'wrap', 'is', 'call_stack']);
    expect(methods('errors', 'error')).toEqual([
      'kind',
      'message',
      'retryable',
      'details',
      'stack',
    ]);
  });

  it('documents every connect option with a default and a range', () => {
    const options = modules.get('websocket')!.options!.items;
    expect(options.map((o) => o.name)).toEqual([
      'headers',
      'protocols',
      'dial_timeout',
      'read_timeout',
      'write_timeout',
      'compression',
      'compression_threshold',
      'read_limit',
      'channel_capacity',
    ]);
    for (const o of options) {
      expect(o.default, o.name).not.toBe('');
      expect(o.range, o.name).not.toBe('');
    }
  });

  it('has the constants of the contract with their values', () => {
    const ws = modules.get('websocket')!;
    const value = (name: string) => ws.constants.find((c) => c.name === name)?.value;
    expect([value('TEXT'), value('BINARY'), value('TYPE_TEXT'), value('TYPE_CLOSE')]).toEqual([
      1,
      2,
      'text',
      'close',
    ]);
    const codes = Object.fromEntries(
      ws.tables.find((t) => t.name === 'CLOSE_CODES')!.members.map((m) => [m.name, m.value]),
    );
    expect(codes).toEqual({
      NORMAL: 1000,
      GOING_AWAY: 1001,
      PROTOCOL_ERROR: 1002,
      UNSUPPORTED_DATA: 1003,
      RESERVED: 1004,
      NO_STATUS: 1005,
      ABNORMAL_CLOSURE: 1006,
      INVALID_PAYLOAD: 1007,
      POLICY_VIOLATION: 1008,
      MESSAGE_TOO_BIG: 1009,
      MANDATORY_EXTENSION: 1010,
      INTERNAL_ERROR: 1011,
      SERVICE_RESTART: 1012,
      TRY_AGAIN_LATER: 1013,
      BAD_GATEWAY: 1014,
      TLS_HANDSHAKE: 1015,
    });
  });

  it('lists every error kind, and the error conditions with retryable flags', () => {
    expect(LUA_API.errorKinds.map((k) => k.name)).toEqual([
      'UNKNOWN',
      'INVALID',
      'NOT_FOUND',
      'ALREADY_EXISTS',
      'PERMISSION_DENIED',
      'UNAVAILABLE',
      'INTERNAL',
      'CANCELED',
      'CONFLICT',
      'TIMEOUT',
      'RATE_LIMITED',
    ]);
    const conditions = modules.get('websocket')!.errors!;
    const kinds = new Set(LUA_API.errorKinds.map((k) => k.name));
    for (const c of conditions) expect(kinds.has(c.kind), c.condition).toBe(true);
    expect(LUA_API.errorKinds.find((k) => k.name === 'PERMISSION_DENIED')?.value).toBe(
      'PermissionDenied',
    );
    expect(LUA_API.errorKinds.find((k) => k.name === 'UNKNOWN')?.value).toBe('');
    expect(conditions.find((c) => c.condition.startsWith('connection failed'))).toMatchObject({
      kind: 'INTERNAL',
      retryable: true,
    });
    expect(conditions.find((c) => c.condition === 'write timeout')).toMatchObject({
      kind: 'TIMEOUT',
      retryable: true,
    });
  });
});
