import { describe, expect, it } from 'vitest';
import { logValue } from './log-text.ts';

describe('logValue', () => {
  it('keeps a forged line and terminal escapes out of the log', () => {
    const reason = 'x\nrelay: refused 6.6.6.6: forged line \u001b[31mRED\u001b[0m\u009b2J\u2028';
    const logged = logValue(reason);
    const unsafe = [...logged].filter((c) => {
      const code = c.charCodeAt(0);
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    });
    expect(unsafe).toEqual([]);
    expect(JSON.parse(logged)).toBe(reason);
  });

  it('cuts long text', () => {
    expect(logValue('a'.repeat(500), 10)).toBe(JSON.stringify(`${'a'.repeat(10)}…`));
  });
});
