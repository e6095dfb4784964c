/**
 * URL globs for `websocket.connect.url` rules (`websocket-module.md`, "Policy"): a pattern is
 * matched against the whole URL, start to end.
 *
 *   `*`   any run of characters, possibly empty
 *   `?`   exactly one character
 *   else  itself, literally (`.`, `+`, `[`, `(`, `$`, `\` are plain characters; there is no
 *         escape syntax, and no regular expression is ever built from a pattern)
 *
 * A pattern written as a URL (`scheme://authority/path`) is read in three parts, so that the
 * spec's examples mean what a reader takes them to mean, the way CSP source expressions do
 * (CSP Level 3, "host-source"):
 *
 * - Scheme (before `://`): wildcards match scheme characters only (RFC 3986 §3.1).
 * - Authority (up to the pattern's first `/`): wildcards stay inside the URL's authority; they
 *   never match `/`, `\`, `?` or `#`, and never `@` either, except a `*` that opens the
 *   authority, which may also absorb a `user:password@` prefix. So `wss://*.example.com/*`
 *   does not match `wss://evil.com/.example.com/`, and `ws://localhost:*` does not match
 *   `ws://localhost:1@evil.com/` (whose host is evil.com). `\` counts as a separator because
 *   the WHATWG URL parser reads it as `/` in ws and wss URLs.
 *   A trailing `:*` is the port wildcard: any port, or none (`ws://localhost:*` matches
 *   `ws://localhost/`), and only digits.
 * - Path and after: `*` matches anything, `/`, `:` and `?` included (`ws://*:*\/admin*` matches
 *   `ws://h:1/admin/x?y=1`). A pattern with no path (`wss://*`, `ws://localhost:8080`) matches
 *   every path, query included.
 *
 * A pattern without `://` (such as `*`) is matched as plain text: `*` matches anything.
 * Scheme and host are compared case-insensitively, the rest exactly. A URL written without a
 * path (`wss://h`, `wss://h?x`) is read with the path `/`, as the socket will request it.
 *
 * Matching runs a small automaton over the pattern (time proportional to pattern x URL), not a
 * backtracking regular expression: patterns arrive from permalinks that anyone can craft, and
 * `*a*a*a*a*a*a*a*a*b` as a regex would freeze the page on a long URL.
 */

type CharTest = (ch: string) => boolean;

interface Token {
  /** Consumes one character: a literal when `ch` is set, else any character passing `test`. */
  ch?: string;
  test?: CharTest;
  /** `*`: may repeat and may match nothing. */
  repeat: boolean;
  /** First token of an optional group: the match may jump from here to token `skipTo`. */
  skipTo?: number;
}

export interface Glob {
  readonly pattern: string;
  matches(url: string): boolean;
}

const isSchemeChar: CharTest = (ch) => /^[a-z0-9+.-]$/.test(ch);
const isAuthorityChar: CharTest = (ch) => !'/\\?#@'.includes(ch);
const isLeadingAuthorityChar: CharTest = (ch) => !'/\\?#'.includes(ch);
const isDigit: CharTest = (ch) => ch >= '0' && ch <= '9';
const isPathStart: CharTest = (ch) => '/\\?#'.includes(ch);
const isAnything: CharTest = () => true;

const CACHE_LIMIT = 256;
const cache = new Map<string, Glob>();

/** Compile a pattern (cached: the panel re-evaluates on every keystroke of the test box). */
export function compileGlob(pattern: string): Glob {
  const cached = cache.get(pattern);
  if (cached) {
    // Re-insert so the Map's order is least-recently-used first.
    cache.delete(pattern);
    cache.set(pattern, cached);
    return cached;
  }
  const tokens = tokenize(pattern);
  const glob: Glob = { pattern, matches: (url) => run(tokens, normalizeUrl(url)) };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, glob);
  return glob;
}

export function globMatches(pattern: string, url: string): boolean {
  return compileGlob(pattern).matches(url);
}

/**
 * Advice for a pattern that is valid but probably not what its author meant, or undefined.
 * For the policy panel; `parsePolicy` accepts such patterns.
 */
export function globWarning(pattern: string): string | undefined {
  const sep = pattern.indexOf('://');
  if (sep < 0) {
    if (/^\*+$/.test(pattern)) return undefined;
    return `"${pattern}" has no scheme, but it is matched against the whole URL; write e.g. wss://*.example.com/*`;
  }
  const scheme = pattern.slice(0, sep).toLowerCase();
  if (!/[*?]/.test(scheme) && scheme !== 'ws' && scheme !== 'wss') {
    return `"${pattern}" never matches: only ws:// and wss:// URLs can be opened`;
  }
  return undefined;
}

/** A URL's text with scheme and host lower-cased and an empty path read as `/`. */
function normalizeUrl(url: string): string {
  const { head, authority, rest } = splitAuthority(url, /[/\\?#]/);
  if (authority === undefined) return url;
  // RFC 3986 §6.2.3: in ws and wss, as in http, an empty path is the same as "/".
  return head + authority + (rest === '' || rest[0] === '?' || rest[0] === '#' ? `/${rest}` : rest);
}

/**
 * Split `scheme://authority rest`, lower-casing the scheme and the host (the authority after
 * its last `@`); `authority` is undefined when there is no `://`.
 */
function splitAuthority(
  text: string,
  authorityEnd: RegExp,
): { head: string; authority?: string; rest: string } {
  const sep = text.indexOf('://');
  if (sep < 0) return { head: text, rest: '' };
  const afterSep = sep + 3;
  const tail = text.slice(afterSep);
  const end = tail.search(authorityEnd);
  const raw = end < 0 ? tail : tail.slice(0, end);
  const at = raw.lastIndexOf('@');
  return {
    head: text.slice(0, afterSep).toLowerCase(),
    authority: raw.slice(0, at + 1) + raw.slice(at + 1).toLowerCase(),
    rest: tail.slice(raw.length),
  };
}

function tokenize(rawPattern: string): Token[] {
  // In a pattern `?` is a wildcard, so only `/` ends the authority.
  const { head, authority: folded, rest } = splitAuthority(rawPattern, /\//);
  const pattern = head + (folded ?? '') + rest;
  const tokens: Token[] = [];
  const sep = pattern.indexOf('://');
  if (sep < 0) {
    pushPart(tokens, pattern, () => isAnything);
    return tokens;
  }
  pushPart(tokens, pattern.slice(0, sep), () => isSchemeChar);
  pushPart(tokens, '://', () => isAnything);

  const authorityStart = sep + 3;
  const slash = pattern.indexOf('/', authorityStart);
  const authority = pattern.slice(authorityStart, slash < 0 ? pattern.length : slash);
  const portWildcard = authority.endsWith(':*');
  const host = portWildcard ? authority.slice(0, -2) : authority;
  pushPart(tokens, host, (i) => (i === 0 ? isLeadingAuthorityChar : isAuthorityChar));
  if (portWildcard) {
    // (":" digits*)?
    tokens.push({ ch: ':', repeat: false, skipTo: tokens.length + 2 });
    tokens.push({ test: isDigit, repeat: true });
  }

  if (slash < 0) {
    // No path in the pattern: any path, query included. ([/\?#] anything)?
    tokens.push({ test: isPathStart, repeat: false, skipTo: tokens.length + 2 });
    tokens.push({ test: isAnything, repeat: true });
  } else {
    pushPart(tokens, pattern.slice(slash), () => isAnything);
  }
  return tokens;
}

/** Literals and wildcards of one part; `wildcard(i)` gives the class for a wildcard at `i`. */
function pushPart(tokens: Token[], part: string, wildcard: (index: number) => CharTest): void {
  // Iterate by code point so `?` matches one character, not one UTF-16 unit.
  [...part].forEach((ch, i) => {
    if (ch === '*') tokens.push({ test: wildcard(i), repeat: true });
    else if (ch === '?') tokens.push({ test: wildcard(i), repeat: false });
    else tokens.push({ ch, repeat: false });
  });
}

/** Simulate the automaton: `active[i]` = "the text so far can end just before token i". */
function run(tokens: Token[], text: string): boolean {
  const end = tokens.length;
  let active = new Uint8Array(end + 1);
  const enter = (set: Uint8Array, i: number): void => {
    if (set[i]) return;
    set[i] = 1;
    if (i === end) return;
    const token = tokens[i]!;
    if (token.repeat) enter(set, i + 1);
    if (token.skipTo !== undefined) enter(set, token.skipTo);
  };
  enter(active, 0);
  for (const ch of text) {
    const next = new Uint8Array(end + 1);
    let any = false;
    for (let i = 0; i < end; i++) {
      if (!active[i]) continue;
      const token = tokens[i]!;
      const accepts = token.ch !== undefined ? token.ch === ch : token.test!(ch);
      if (!accepts) continue;
      enter(next, token.repeat ? i : i + 1);
      any = true;
    }
    if (!any) return false;
    active = next;
  }
  return active[end] === 1;
}
