import { describe, expect, it } from 'vitest';
import { resolveClose } from './close-args.ts';

describe('resolveClose (module.go:349-369, coder/websocket close.go)', () => {
  it('sends a valid code and reason as they are, silently', () => {
    expect(resolveClose(4000, '4000', 'bye', 3)).toEqual({
      frame: { kind: 'code', code: 4000, reason: 'bye' },
      warnings: [],
    });
    expect(resolveClose(undefined, '', '', 0).frame).toEqual({
      kind: 'code',
      code: 1000,
      reason: '',
    });
  });

  it('replaces codes outside 1000-4999 with 1000 and truncates fractions, with a warning', () => {
    for (const code of [999, 5000, NaN, -1]) {
      const r = resolveClose(code, String(code), '', 0);
      expect(r.frame).toEqual({ kind: 'code', code: 1000, reason: '' });
      expect(r.warnings).toHaveLength(1);
    }
    expect(resolveClose(1001.9, '1001.9', '', 0).frame).toMatchObject({ code: 1001 });
  });

  it('sends 1005 as a frame without a code, and drops the connection for codes off the wire', () => {
    expect(resolveClose(1005, '1005', 'x', 1).frame).toEqual({ kind: 'empty' });
    for (const code of [1004, 1006, 1015, 1016, 2999])
      expect(resolveClose(code, String(code), '', 0).frame, String(code)).toEqual({ kind: 'drop' });
    expect(resolveClose(1000, '1000', 'r'.repeat(124), 124).frame).toEqual({ kind: 'drop' });
    expect(resolveClose(1014, '1014', '', 0).frame).toMatchObject({ kind: 'code', code: 1014 });
  });
});
