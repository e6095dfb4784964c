import { describe, expect, it } from 'vitest';
import { languageFromAttributes, languageFromOptions } from './language-options.ts';

describe('languageFromOptions (the SDK)', () => {
  it('defaults to the platform dialect and warning types', () => {
    expect(languageFromOptions({})).toEqual({ dialect: 'wippy', typeCheck: 'warn' });
  });

  it('takes each dialect and mode', () => {
    expect(languageFromOptions({ dialect: 'lua53', typeCheck: 'strict' })).toEqual({
      dialect: 'lua53',
      typeCheck: 'strict',
    });
    expect(languageFromOptions({ dialect: 'wippy', typeCheck: 'off' })).toEqual({
      dialect: 'wippy',
      typeCheck: 'off',
    });
  });

  it('throws a TypeError naming the option and the choices for a value it does not have', () => {
    expect(() => languageFromOptions({ dialect: 'lua5.4' })).toThrow(
      /option dialect must be "wippy" or "lua53" \(got "lua5.4"\)/,
    );
    expect(() => languageFromOptions({ dialect: 53 })).toThrow(TypeError);
    expect(() => languageFromOptions({ typeCheck: true })).toThrow(
      /option typeCheck must be "off", "warn" or "strict" \(got true\)/,
    );
  });
});

describe('languageFromAttributes (<lua-playground>, data-dialect)', () => {
  const read = (attrs: Record<string, string>) => {
    const warnings: string[] = [];
    const language = languageFromAttributes(
      (name) => attrs[name] ?? null,
      (m) => warnings.push(m),
    );
    return { language, warnings };
  };

  it('reads dialect and types, defaulting silently when absent', () => {
    expect(read({})).toEqual({ language: { dialect: 'wippy', typeCheck: 'warn' }, warnings: [] });
    expect(read({ dialect: 'lua53', types: 'strict' })).toEqual({
      language: { dialect: 'lua53', typeCheck: 'strict' },
      warnings: [],
    });
    expect(read({ dialect: ' lua53 ' }).language.dialect).toBe('lua53');
  });

  it('falls back to the default with one warning per bad value', () => {
    const { language, warnings } = read({ dialect: 'Lua 5.3', types: 'yes' });
    expect(language).toEqual({ dialect: 'wippy', typeCheck: 'warn' });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('dialect="Lua 5.3"');
    expect(warnings[1]).toContain('"off", "warn" or "strict"');
  });
});
