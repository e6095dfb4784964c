/**
 * The platform compiles `matches` patterns with Go's `regexp` (RE2 syntax) and tests them with
 * `MatchString` (unanchored). The playground runs them as JavaScript regular expressions,
 * which read most RE2 patterns the same way. Where the two differ, the pattern is refused
 * with the construct named, never reinterpreted:
 *
 * - not RE2 at all (the platform refuses the entry): lookaround `(?=` `(?!` `(?<=` `(?<!`,
 *   backreferences `\1` `\k<name>`, possessive or atomic groups;
 * - RE2 that JavaScript reads differently (the playground cannot run it): POSIX classes
 *   `[[:alpha:]]`, Unicode classes `\p{..}` `\pL`, `\Q..\E`, `\C`, the flag `U`, flags other
 *   than at the start.
 *
 * - a quantified group that itself holds a quantifier (`(a+)+`): JavaScript backtracks where
 *   RE2 does not, and such a pattern from a crafted link could freeze the page.
 *
 * Translated: leading flags `(?i)` `(?s)` `(?m)` (to RegExp flags), `(?P<name>` (to
 * `(?<name>`), `\A` (to `^`) and `\z` (to `$`, which without the `m` flag is the end of the
 * text in both).
 */

export type GoRegexp = { ok: true; regex: RegExp } | { ok: false; error: string };

const NOT_RE2: readonly [RegExp, string][] = [
  [/\(\?<?[=!]/, 'lookaround ((?= (?! (?<= (?<!) is not RE2 syntax'],
  [/\\[1-9]|\\k</, 'backreferences are not RE2 syntax'],
  [/\(\?>|[*+?}]\+/, 'atomic groups and possessive quantifiers are not RE2 syntax'],
];

const NOT_IN_JS: readonly [RegExp, string][] = [
  [/\[:\^?[a-z]+:\]/, 'POSIX classes like [[:alpha:]]'],
  [/\\[pP]/, 'Unicode classes like \\p{L}'],
  [/\\[QEC]/, '\\Q...\\E and \\C'],
  [/\(\?[imsU-]+[):]/, 'flags after the start of the pattern'],
];

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
  // Escaped backslashes cannot start a construct; blank them out before looking for one.
  const scan = pattern.replace(/\\\\/g, '__');
  for (const [re, what] of NOT_RE2) {
    if (re.test(scan))
      return { ok: false, error: `invalid regular expression ${show(pattern)}: ${what}` };
  }
  let body = pattern;
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(body);
  if (lead) {
    if (lead[1]!.includes('U')) return unsupported(pattern, 'the flag U (ungreedy)');
    flags = [...new Set(lead[1]!)].join('');
    body = body.slice(lead[0].length);
  }
  const rest = scan.slice(lead ? lead[0].length : 0);
  for (const [re, what] of NOT_IN_JS) {
    if (re.test(rest)) return unsupported(pattern, what);
  }
  if (hasNestedQuantifier(rest))
    return unsupported(pattern, 'a repeated group holding a quantifier');
  body = body
    .replace(/\(\?P</g, '(?<')
    .replace(/(^|[^\\])((?:\\\\)*)\\A/g, '$1$2^')
    .replace(/(^|[^\\])((?:\\\\)*)\\z/g, '$1$2$');
  try {
    return { ok: true, regex: new RegExp(body, flags) };
  } catch (e) {
    return {
      ok: false,
      error: `invalid regular expression ${show(pattern)}: ${(e as Error).message}`,
    };
  }
}

/** `(...+...)*`, `(...*){2,}` and the like, on a pattern whose escaped backslashes are blanked. */
function hasNestedQuantifier(scan: string): boolean {
  const opens: { start: number; quantified: boolean }[] = [];
  let quantifiedInside = false;
  for (let i = 0; i < scan.length; i++) {
    const ch = scan[i]!;
    if (ch === '\\') {
      i++;
    } else if (ch === '[') {
      // A class's characters are literal: skip to its closing bracket.
      i = scan.indexOf(']', i + (scan[i + 1] === ']' ? 2 : 1));
      if (i < 0) return false;
    } else if (ch === '(') {
      opens.push({ start: i, quantified: quantifiedInside });
      quantifiedInside = false;
    } else if (ch === ')') {
      const open = opens.pop();
      const next = scan[i + 1];
      const repeated = next === '*' || next === '+' || next === '{';
      if (repeated && quantifiedInside) return true;
      quantifiedInside = (open?.quantified ?? false) || quantifiedInside || repeated;
    } else if (ch === '*' || ch === '+' || ch === '{') {
      quantifiedInside = true;
    }
  }
  return false;
}

function unsupported(pattern: string, what: string): GoRegexp {
  return {
    ok: false,
    error: `regular expression ${show(pattern)} uses ${what}, which the playground cannot run as the platform's Go regexp does`,
  };
}

function show(pattern: string): string {
  return JSON.stringify(pattern.length > 60 ? `${pattern.slice(0, 57)}...` : pattern);
}
