import { describe, expect, it } from 'vitest';
import { initialLanguage } from './language.ts';

describe('initialLanguage', () => {
  const saved = { dialect: 'lua53', typeCheck: 'strict' } as const;

  it('is the saved choice when the page was not opened from a link', () => {
    expect(initialLanguage(saved, null)).toEqual(saved);
  });

  it("is the link's choice when the link carries one", () => {
    expect(
      initialLanguage(
        { dialect: 'wippy', typeCheck: 'warn' },
        { code: '', dialect: 'lua53', typeCheck: 'off' },
      ),
    ).toEqual({ dialect: 'lua53', typeCheck: 'off' });
  });

  it('is the product default, not the saved choice, for what a link leaves out', () => {
    expect(initialLanguage(saved, { code: 'print(1)' })).toEqual({
      dialect: 'wippy',
      typeCheck: 'warn',
    });
  });
});
