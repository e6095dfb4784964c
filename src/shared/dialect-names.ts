/**
 * The short names of the dialects, as the console's run line (`Run #3 · Wippy Lua`), the
 * page's setting and the docs page show them; DIALECT_LABELS (dialect.ts) is the long form.
 */
import type { Dialect } from './dialect.ts';

export const DIALECT_SHORT_NAMES: Record<Dialect, string> = {
  wippy: 'Wippy Lua',
  lua53: 'Lua 5.3',
};
