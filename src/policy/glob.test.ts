import { describe, expect, it } from 'vitest';
import { compileGlob, globMatches, globWarning } from './glob.ts';

function expectMatches(pattern: string, yes: string[], no: string[]): void {
  for (const url of yes)
    expect(globMatches(pattern, url), `${pattern} should match ${url}`).toBe(true);
  for (const url of no)
    expect(globMatches(pattern, url), `${pattern} should not match ${url}`).toBe(false);
}

describe('the spec examples', () => {
  it('wss://*.example.com/* matches subdomains of example.com, any path, and nothing else', () => {
    expectMatches(
      'wss://*.example.com/*',
      [
        'wss://api.example.com/',
        'wss://api.example.com/v1/stream?x=1&y=2',
        'wss://a.b.example.com/x',
        'wss://api.example.com',
        'wss://api.example.com?q=1',
        'wss://user:pw@api.example.com/x',
      ],
      [
        'wss://example.com/',
        'ws://api.example.com/',
        'wss://api.example.com.evil.com/',
        'wss://evil.com/.example.com/',
        'wss://evil.com?.example.com/',
        'wss://evil.com#.example.com/',
        'wss://evil.com\\.example.com/',
        'wss://api.example.com@evil.com/',
        'wss://api.example.com:8443/',
        'wss://apiXexample.com/',
      ],
    );
  });

  it('ws://localhost:*/* matches localhost on any port or none, any path', () => {
    expectMatches(
      'ws://localhost:*/*',
      [
        'ws://localhost:8080/',
        'ws://localhost:1/a/b?c=d',
        'ws://localhost/',
        'ws://localhost:8080',
        'ws://localhost',
      ],
      [
        'ws://localhost:1@evil.com/',
        'ws://localhost.evil.com/',
        'ws://localhost.evil.com:80/',
        'ws://localhost:80.evil.com/',
        'ws://localhostx/',
        'wss://localhost:8080/',
        'ws://127.0.0.1:8080/',
      ],
    );
  });

  it('ws://*:*/admin* matches an /admin path on any host and port', () => {
    expectMatches(
      'ws://*:*/admin*',
      [
        'ws://api.example.com:8080/admin',
        'ws://h:1/admin/users?all=1',
        'ws://h:1/administrator',
        'ws://h/admin',
        'ws://[::1]:9000/admin',
        'ws://u:p@h:1/admin',
      ],
      ['ws://h:1/', 'ws://h:1/x/admin', 'ws://h:1/Admin', 'wss://h:1/admin'],
    );
  });
});

describe('wildcards', () => {
  it('* in the path crosses / : and ?', () => {
    expectMatches('ws://h/*', ['ws://h/', 'ws://h/a/b:c?d=e:f/g'], ['ws://g/']);
  });

  it('? matches exactly one character, including a non-ASCII one', () => {
    expectMatches(
      'ws://h/v?',
      ['ws://h/v1', 'ws://h/vé', 'ws://h/v😀'],
      ['ws://h/v', 'ws://h/v12'],
    );
  });

  it('? in the host stays in the host', () => {
    expectMatches('ws://h?/x', ['ws://h1/x', 'ws://hz/x'], ['ws://h//x', 'ws://h@/x', 'ws://h/x']);
  });

  it('a * in the host does not cross into the path or put userinfo before a literal host', () => {
    expectMatches(
      'ws://a*/x',
      ['ws://a/x', 'ws://abc/x', 'ws://a:1/x'],
      ['ws://a/b/x', 'ws://a@evil/x'],
    );
  });

  it('a leading * in the host absorbs userinfo', () => {
    expectMatches('ws://*/x', ['ws://u:p@h/x', 'ws://h:1/x'], ['ws://h/y/x']);
  });

  it('a pattern without a path matches every path', () => {
    expectMatches(
      'wss://*',
      ['wss://h', 'wss://h/', 'wss://h:1/a/b?c', 'wss://u@h/x'],
      ['ws://h/', 'https://h/', 'wss:/h'],
    );
    expectMatches(
      'ws://localhost:8080',
      ['ws://localhost:8080/anything'],
      ['ws://localhost:8081/', 'ws://localhost/'],
    );
  });

  it('a port wildcard takes digits only', () => {
    expectMatches(
      'ws://h:*/',
      ['ws://h:0/', 'ws://h:65535/', 'ws://h/'],
      ['ws://h:x/', 'ws://h:/1/x'],
    );
  });

  it('a wildcard in the scheme matches scheme characters only', () => {
    expectMatches('ws*://h/', ['ws://h/', 'wss://h/'], ['ws://x/?://h/']);
    expectMatches('w?://h/', ['ws://h/'], ['wss://h/']);
  });

  it('a pattern without :// is plain text where * matches anything', () => {
    expectMatches('*', ['', 'ws://h/', 'anything at all'], []);
    expectMatches('*admin*', ['ws://h/admin', 'ws://admin.h/'], ['ws://h/']);
  });

  it('the whole URL must match, not a part of it', () => {
    expectMatches('ws://h/a', ['ws://h/a'], ['ws://h/ab', 'xws://h/a', 'ws://h/a/']);
  });

  it('stays fast on patterns that make backtracking matchers explode', () => {
    const pattern = `ws://h/${'*a'.repeat(30)}*b`;
    const url = `ws://h/${'a'.repeat(2000)}`;
    const started = performance.now();
    expect(globMatches(pattern, url)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('literal characters', () => {
  it('treats regular-expression specials as plain characters', () => {
    expectMatches('ws://a.b/x', ['ws://a.b/x'], ['ws://aXb/x']);
    expectMatches('ws://h/a+b', ['ws://h/a+b'], ['ws://h/aab', 'ws://h/ab']);
    expectMatches('ws://h/[ab]', ['ws://h/[ab]'], ['ws://h/a']);
    expectMatches('ws://h/(x)|y$^{2}', ['ws://h/(x)|y$^{2}'], ['ws://h/y']);
    expectMatches('ws://h/a\\d', ['ws://h/a\\d'], ['ws://h/a1']);
    expectMatches(
      'ws://[::1]:*/*',
      ['ws://[::1]:9000/x', 'ws://[::1]/'],
      ['ws://1/', 'ws://[::2]:1/'],
    );
  });

  it('matches query strings literally, with ? also matching itself', () => {
    expectMatches(
      'wss://h/feed?token=*',
      ['wss://h/feed?token=abc', 'wss://h/feed?token=', 'wss://h/feedXtoken=1'],
      ['wss://h/feed', 'wss://h/feed?other=1'],
    );
    expectMatches('ws://h/a%20b', ['ws://h/a%20b'], ['ws://h/a b']);
  });
});

describe('case', () => {
  it('ignores case in scheme and host', () => {
    expectMatches('wss://*.example.com/*', ['WSS://API.Example.COM/x'], []);
    expectMatches('WS://LocalHost:*/*', ['ws://localhost:1/'], []);
  });

  it('keeps case in the path and query', () => {
    expectMatches('ws://h/Path?Q=1', ['ws://H/Path?Q=1'], ['ws://h/path?Q=1', 'ws://h/Path?q=1']);
  });

  it('keeps case in userinfo, which is not the host', () => {
    expectMatches('ws://User@h/', ['ws://User@H/'], ['ws://user@h/']);
  });
});

describe('compileGlob', () => {
  it('compiles each pattern once', () => {
    expect(compileGlob('ws://cached/*')).toBe(compileGlob('ws://cached/*'));
  });

  it('keeps the cache bounded and still matches after eviction', () => {
    const first = compileGlob('ws://first/*');
    for (let i = 0; i < 300; i++) compileGlob(`ws://h${i}/*`);
    const again = compileGlob('ws://first/*');
    expect(again).not.toBe(first);
    expect(again.matches('ws://first/x')).toBe(true);
  });
});

describe('globWarning', () => {
  it('flags patterns that read like a host but are matched against the whole URL', () => {
    expect(globWarning('*.example.com')).toMatch(/no scheme/);
  });

  it('flags schemes a WebSocket never has', () => {
    expect(globWarning('https://example.com/*')).toMatch(/never matches/);
  });

  it('accepts ordinary patterns', () => {
    for (const pattern of ['*', 'ws://*:*/admin*', 'wss://*', 'ws*://h/*', 'WSS://h/']) {
      expect(globWarning(pattern), pattern).toBeUndefined();
    }
  });
});
