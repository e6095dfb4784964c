/**
 * Which entries `funcs.call` can call, where they run, and the call options they declare: a
 * `function.lua` entry (on a pool of its own), or a `process.lua` entry with a default host
 * (service/processfunc/listener.go).
 */
import type { Entry, LuaEntry } from '../project/spec.ts';

/** The entry, when it can be called as a function. */
export function callableEntry(entry: Entry | undefined): LuaEntry | undefined {
  if (entry?.kind === 'function.lua') return entry;
  if (entry?.kind === 'process.lua' && defaultHostOf(entry) !== undefined) return entry;
  return undefined;
}

/** The host a call of `entry` runs on. */
export function callHost(entry: LuaEntry): string {
  return defaultHostOf(entry) ?? `${entry.id}.pool`;
}

/**
 * The call options `entry` declares in `meta.options`, which the platform merges under a
 * call's own (component/function/lifecycle.go, listener.go alike); undefined for none.
 */
export function declaredCallOptions(entry: LuaEntry): Record<string, unknown> | undefined {
  const options = optionsOf(entry);
  if (!options) return undefined;
  // Where a process entry runs, not how a call goes: no call option to apply or warn about.
  const rest = Object.fromEntries(
    Object.entries(options).filter(([key]) => key !== 'default_host'),
  );
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** An entry's `meta.options`, when it is an object (the platform's `Meta.GetBag("options")`). */
function optionsOf(entry: LuaEntry): Record<string, unknown> | undefined {
  const options = entry.meta.options;
  return typeof options === 'object' && options !== null && !Array.isArray(options)
    ? (options as Record<string, unknown>)
    : undefined;
}

/**
 * The host a `process.lua` entry runs on when called as a function: `meta.options.default_host`
 * first, then `meta.default_host` (service/processfunc/listener.go); none for a function.
 */
function defaultHostOf(entry: LuaEntry): string | undefined {
  if (entry.kind !== 'process.lua') return undefined;
  for (const host of [optionsOf(entry)?.default_host, entry.meta.default_host])
    if (typeof host === 'string' && host !== '') return host;
  return undefined;
}
