/**
 * The platform compiles `matches` patterns with Go's `regexp` (RE2 syntax) and tests them with
 * `MatchString` (unanchored). The playground runs them on `re2js`, the JavaScript port of RE2:
 * the same syntax (`(?P<name>`, `\A`, `\z`, `[[:alpha:]]`, `\pL`, `\Q..\E`, flags anywhere) and
 * the same refusals (lookaround, backreferences, repeat counts over 1000), with RE2's own error
 * text. Matching is linear in the text (a DFA, or an NFA simulation when the DFA's cache runs
 * out): no pattern can backtrack, so a hostile policy cannot freeze the page's main thread, the
 * worker or the CLI (security audit 2, M1). Before, the patterns ran as JavaScript regular
 * expressions behind a hand-written list of refused constructs, which was easy to get past.
 */
import { RE2JS } from 're2js';

/** A compiled pattern; `test` is Go's `MatchString` (a match anywhere in the text). */
export interface GoPattern {
  test(text: string): boolean;
}

export type GoRegexp = { ok: true; regex: GoPattern } | { ok: false; error: string };

/** Longest pattern compiled, in UTF-16 units; a registry file is capped at 256 KiB anyway. */
export const MAX_PATTERN_LENGTH = 4096;

const cache = new Map<string, GoRegexp>();
const CACHE_LIMIT = 256;

export function compileGoRegexp(pattern: string): GoRegexp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const compiled = compile(pattern);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, compiled);
  return compiled;
}

function compile(pattern: string): GoRegexp {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      error: `invalid regular expression ${show(pattern)}: longer than ${MAX_PATTERN_LENGTH} characters`,
    };
  }
  try {
    const re = RE2JS.compile(pattern);
    return { ok: true, regex: { test: (text) => re.test(text) } };
  } catch (e) {
    // RE2's own words, as Go's regexp.Compile gives them: "error parsing regexp: ...".
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `invalid regular expression ${show(pattern)}: ${message}` };
  }
}

function show(pattern: string): string {
  return JSON.stringify(pattern.length > 60 ? `${pattern.slice(0, 57)}...` : pattern);
}
