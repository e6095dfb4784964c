import { describe, expect, it } from 'vitest';
import { logValue } from './log-text.ts';

describe('logValue', () => {
  it('keeps a forged line and terminal escapes out of the log', () => {
    const reason = 'x\nrelay: refused 6.6.6.6: forged line \u001b[31mRED\u001b[0m\u009b2J\u2028';
    const logged = logValue(reason);
    expect(logged).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(JSON.parse(logged.replace(/\\u009b/g, '\\u009b'))).toBe(reason);
  });

  it('cuts long text', () => {
    expect(logValue('a'.repeat(500), 10)).toBe(JSON.stringify(`${'a'.repeat(10)}…`));
  });
});
