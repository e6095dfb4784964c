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
