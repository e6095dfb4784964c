import { describe, expect, it } from 'vitest';
import { defaultLanguageFlags, takeLanguageFlag } from './cli-language.ts';
import type { LanguageFlags } from './cli-language.ts';

/** Every argument through takeLanguageFlag, as the CLI's loop does; the rest is returned. */
function parse(argv: string[]): { flags: LanguageFlags; rest: string[] } {
  const flags = defaultLanguageFlags();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const taken = takeLanguageFlag(argv, i, flags);
    if (taken > 0) i += taken - 1;
    else rest.push(argv[i]!);
  }
  return { flags, rest };
}

describe('the CLI language flags', () => {
  it('default to the platform dialect and warning types', () => {
    expect(parse(['x.lua'])).toEqual({
      flags: { dialect: 'wippy', typeCheck: 'warn' },
      rest: ['x.lua'],
    });
  });

  it('read --dialect and --types with the value apart or after =', () => {
    expect(parse(['--dialect', 'lua53', 'x.lua', '--types', 'off']).flags).toEqual({
      dialect: 'lua53',
      typeCheck: 'off',
    });
    expect(parse(['--dialect=lua53', '--types=strict', 'x.lua'])).toEqual({
      flags: { dialect: 'lua53', typeCheck: 'strict' },
      rest: ['x.lua'],
    });
  });

  it('read --strict-types as --types strict, the last flag winning', () => {
    expect(parse(['--strict-types']).flags.typeCheck).toBe('strict');
    expect(parse(['--strict-types', '--types', 'warn']).flags.typeCheck).toBe('warn');
  });

  it('leave other flags alone', () => {
    expect(parse(['--strict', '--demo', '--policy', 'p.yaml']).rest).toEqual([
      '--strict',
      '--demo',
      '--policy',
      'p.yaml',
    ]);
  });

  it('refuse an unknown or missing value with the choices', () => {
    expect(() => parse(['--dialect', 'lua54'])).toThrow(
      'unknown dialect "lua54" (--dialect wippy or lua53)',
    );
    expect(() => parse(['--dialect'])).toThrow('--dialect needs a value: wippy or lua53');
    expect(() => parse(['--dialect', '--demo'])).toThrow('--dialect needs a value');
    expect(() => parse(['--types=loud'])).toThrow('(--types off, warn or strict)');
    expect(() => parse(['--types'])).toThrow('--types needs a value');
  });
});
