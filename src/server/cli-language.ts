/**
 * The CLI's language flags:
 *
 *   --dialect wippy|lua53   the Lua the script speaks: `wippy` (default) is the platform's own,
 *                           wippyai/go-lua as wippyai/runtime opens it; `lua53` is reference
 *                           Lua 5.3 as Debian's `lua5.3` runs it
 *   --types off|warn|strict what type diagnostics do (default warn: shown as `warning:`, the
 *                           script runs); strict refuses a script with type errors
 *   --strict-types          the same as --types strict
 *
 * `--dialect=lua53` and `--types=strict` are read too. A value the playground does not have
 * throws, which the CLI reports with its usage and exit code 2. The last flag of a kind wins.
 */
import {
  DEFAULT_DIALECT,
  DEFAULT_TYPE_CHECK,
  parseDialect,
  parseTypeCheckMode,
} from '../shared/dialect.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';

export const LANGUAGE_USAGE = '[--dialect wippy|lua53] [--types off|warn|strict] [--strict-types]';

/** For `--help`: what the dialects are and which one runs by default. */
export const LANGUAGE_HELP = `  --dialect wippy   the platform's Lua (wippyai/go-lua): the default
  --dialect lua53   reference Lua 5.3 (Debian's lua5.3)
  --types MODE      type diagnostics: off, warn (the default: shown, the script runs) or strict
  --strict-types    the same as --types strict: a script with type errors does not run`;

export interface LanguageFlags {
  dialect: Dialect;
  typeCheck: TypeCheckMode;
}

export function defaultLanguageFlags(): LanguageFlags {
  return { dialect: DEFAULT_DIALECT, typeCheck: DEFAULT_TYPE_CHECK };
}

/**
 * Reads the language flag at `argv[i]` into `flags`; returns how many arguments it took (0 when
 * `argv[i]` is not one of them). Throws on a missing or unknown value.
 */
export function takeLanguageFlag(argv: string[], i: number, flags: LanguageFlags): number {
  const arg = argv[i]!;
  if (arg === '--strict-types') {
    flags.typeCheck = 'strict';
    return 1;
  }
  const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
  if (name !== '--dialect' && name !== '--types') return 0;
  const value = inline ?? argv[i + 1];
  const taken = inline === undefined ? 2 : 1;
  if (name === '--dialect') {
    if (value === undefined || value.startsWith('--'))
      throw new Error('--dialect needs a value: wippy or lua53');
    const dialect = parseDialect(value);
    if (!dialect) throw new Error(`unknown dialect "${value}" (--dialect wippy or lua53)`);
    flags.dialect = dialect;
  } else {
    if (value === undefined || value.startsWith('--'))
      throw new Error('--types needs a value: off, warn or strict');
    const typeCheck = parseTypeCheckMode(value);
    if (!typeCheck)
      throw new Error(`unknown type-check mode "${value}" (--types off, warn or strict)`);
    flags.typeCheck = typeCheck;
  }
  return taken;
}
