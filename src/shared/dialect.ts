/**
 * Which Lua a run speaks. `wippy` is the platform's own (wippyai/go-lua as wippyai/runtime
 * opens it: its print, number formatting, string.format, libraries, error texts and typed
 * syntax); `lua53` is reference Lua 5.3 as Debian's `lua5.3` runs it. Every product surface
 * (page, embeds, docs page, CLI) defaults to `wippy`; the choice travels with the run.
 */
export type Dialect = 'wippy' | 'lua53';

export const DIALECTS: readonly Dialect[] = ['wippy', 'lua53'];

export const DEFAULT_DIALECT: Dialect = 'wippy';

/** How the console and the settings name each dialect. */
export const DIALECT_LABELS: Record<Dialect, string> = {
  wippy: 'Wippy Lua (the platform)',
  lua53: 'Lua 5.3 (reference)',
};

/** A dialect name from outside (URL, attribute, flag); null when it names none. */
export function parseDialect(text: string | null | undefined): Dialect | null {
  return text === 'wippy' || text === 'lua53' ? text : null;
}

/**
 * What the type checker's diagnostics do to a run (the platform's `lua.type_system` settings):
 * `off` checks nothing, `warn` (the default) shows each diagnostic as a warning at its line and
 * runs anyway, `strict` refuses a script with type errors before it runs (`type errors in …`).
 */
export type TypeCheckMode = 'off' | 'warn' | 'strict';

export const DEFAULT_TYPE_CHECK: TypeCheckMode = 'warn';

export function parseTypeCheckMode(text: string | null | undefined): TypeCheckMode | null {
  return text === 'off' || text === 'warn' || text === 'strict' ? text : null;
}
