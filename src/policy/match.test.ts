/** Each case follows `wippyai/runtime` `service/security/policy/util.go`. */
import { describe, expect, it } from 'vitest';
import { matchesFilter, matchesPattern, patternToRegex, patternWarning } from './match.ts';
import { compileGoRegexp } from './re2.ts';

describe('matchesPattern (util.go)', () => {
  it('"*" matches everything, the empty resource of websocket.connect included', () => {
    expect(matchesPattern('*', '')).toBe(true);
    expect(matchesPattern('*', 'wss://x/')).toBe(true);
  });

  it('an exact string matches only itself, case-sensitively', () => {
    expect(matchesPattern('websocket.connect', 'websocket.connect')).toBe(true);
    expect(matchesPattern('websocket.connect', 'websocket.connect.url')).toBe(false);
    expect(matchesPattern('wss://a/', 'wss://A/')).toBe(false);
    expect(matchesPattern('ws', '')).toBe(false);
  });

  it('"prefix.*" and "prefix*" are plain prefix tests', () => {
    expect(matchesPattern('websocket.*', 'websocket.connect.url')).toBe(true);
    // ".*" strips two characters: the prefix is "websocket", with no dot required after it.
    expect(matchesPattern('websocket.*', 'websocketx')).toBe(true);
    expect(matchesPattern('websocket.*', 'websocket')).toBe(true);
    expect(matchesPattern('document:*', 'document:')).toBe(true);
    expect(matchesPattern('wss://*', 'wss://anything.example/x')).toBe(true);
  });

  it('a "*" before the end is a literal character, where a glob would be a wildcard', () => {
    expect(matchesPattern('wss://*.example.com/*', 'wss://api.example.com/ws')).toBe(false);
    expect(matchesPattern('wss://*.example.com/*', 'wss://*.example.com/ws')).toBe(true);
    expect(matchesPattern('*.read', 'document.read')).toBe(false);
    expect(matchesPattern('ws://*:*/admin*', 'ws://h:1/admin')).toBe(false);
  });

  it('a prefix also covers what a glob author would not expect: userinfo and longer hosts', () => {
    expect(matchesPattern('ws://localhost:*', 'ws://localhost:1@evil.example/')).toBe(true);
    expect(matchesPattern('wss://api.example.com*', 'wss://api.example.com.evil.example/')).toBe(
      true,
    );
  });

  it('"." and "*" alone are exact (the suffix forms need a longer pattern)', () => {
    expect(matchesPattern('.*', '')).toBe(false);
    expect(matchesPattern('.*', '.*')).toBe(true);
  });
});

describe('matchesFilter (util.go)', () => {
  it('takes a string or a list; any item matching is enough', () => {
    expect(matchesFilter(['read', 'websocket.*'], 'websocket.connect')).toBe(true);
    expect(matchesFilter(['read', 'write'], 'websocket.connect')).toBe(false);
    expect(matchesFilter(['x', '*'], '')).toBe(true);
  });
});

describe('patternWarning (a playground addition)', () => {
  it('flags a literal "*" and proposes a matches condition that works as a regular expression', () => {
    const warning = patternWarning('wss://*.example.com/*');
    expect(warning).toContain('literal on the platform');
    const regex = patternToRegex('wss://*.example.com/*');
    expect(regex).toBe('^wss://[^/]*\\.example\\.com/');
    const re = compileGoRegexp(regex);
    expect(re.ok && re.regex.test('wss://api.example.com/ws')).toBe(true);
    expect(re.ok && re.regex.test('wss://evil.com/.example.com/')).toBe(false);
  });

  it('for an action pattern proposes a condition on action', () => {
    expect(patternWarning('*.read', 'actions')).toContain(
      `actions: "*" with the condition {field: action, operator: matches, value: '^.*\\.read$'}`,
    );
  });

  it('stays quiet for the platform forms', () => {
    expect(patternWarning('*')).toBeUndefined();
    expect(patternWarning('wss://*')).toBeUndefined();
    expect(patternWarning('websocket.*')).toBeUndefined();
  });
});
