/**
 * Action and resource patterns exactly as the platform matches them
 * (`wippyai/runtime` `service/security/policy/util.go`, `matchesPattern` / `matchesFilter`):
 *
 *   `*`          everything (also the empty resource of `websocket.connect`)
 *   `prefix.*`   a plain prefix match on `prefix` (so `websocket.*` also matches `websocketx`)
 *   `prefix*`    a plain prefix match on `prefix`
 *   else         the exact string
 *
 * This is not a glob: a `*` anywhere but at the end is an ordinary character, so
 * `wss://*.example.com/*` matches only URLs that start with the text `wss://*.example.com/`.
 * Host wildcards are written as a `matches` condition on `resource` (a regular expression).
 * The comparison is on UTF-16 code units where Go compares bytes; for a prefix test the two agree.
 */
import type { Filter } from './types.ts';

export function matchesPattern(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (pattern === value) return true;
  // util.go checks ".*" (length > 2) before "*" (length > 1); both end in a prefix test.
  if (pattern.length > 2 && pattern.endsWith('.*')) return value.startsWith(pattern.slice(0, -2));
  if (pattern.length > 1 && pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return false;
}

/** A string, or a list of which any item matches; items that are not strings never match. */
export function matchesFilter(filter: Filter, value: string): boolean {
  if (typeof filter === 'string') return matchesPattern(filter, value);
  return filter.some((item) => typeof item === 'string' && matchesPattern(item, value));
}

/**
 * A pattern whose `*` a reader would take for a wildcard but the platform reads as text, with
 * the condition that says what was probably meant; undefined when there is none.
 */
export function patternWarning(
  pattern: string,
  of: 'actions' | 'resources' = 'resources',
): string | undefined {
  if (!pattern.slice(0, -1).includes('*')) return undefined;
  const field = of === 'actions' ? 'action' : 'resource';
  return (
    `"${pattern}": a "*" before the end is literal on the platform (a pattern is "*", an ` +
    `exact string or a trailing-"*" prefix); for a wildcard use ${of}: "*" with the ` +
    `condition {field: ${field}, operator: matches, value: '${patternToRegex(pattern)}'}`
  );
}

/**
 * A regular expression (RE2 and JavaScript alike) for what a glob-like pattern was probably
 * meant to match: `*` is any run of characters, within the host when it stands before the
 * first `/` after `://`.
 */
export function patternToRegex(pattern: string): string {
  const sep = pattern.indexOf('://');
  const pathStart = sep < 0 ? 0 : pattern.indexOf('/', sep + 3);
  const hostEnd = pathStart < 0 ? pattern.length : pathStart;
  let out = '^';
  [...pattern].forEach((ch, i) => {
    if (ch !== '*') out += escapeRegex(ch);
    else out += sep >= 0 && i > sep + 2 && i < hostEnd ? '[^/]*' : '.*';
  });
  // A trailing ".*" adds nothing to an unanchored-end match.
  return out.endsWith('.*') ? out.slice(0, -2) : `${out}$`;
}

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
