import type { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isNonPublicAddress, matchesAddress, matchesName, parseHostPattern } from './hosts.ts';
import type { HostPattern } from './hosts.ts';
import { checkTargetAddress, checkTargetName } from './target-check.ts';
import type { HostRules } from './target-check.ts';
import { OwnAddresses } from './own-addresses.ts';

const p = (s: string): HostPattern => {
  const parsed = parseHostPattern(s);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};
const rules = (mode: 'local' | 'hosted', allow: string[], deny: string[] = []): HostRules => ({
  mode,
  allow: allow.map(p),
  deny: deny.map(p),
});

describe('host patterns', () => {
  it('matches names exactly, by subdomain wildcard, and with ports', () => {
    expect(matchesName(p('example.com'), 'EXAMPLE.com', 443)).toBe(true);
    expect(matchesName(p('example.com'), 'a.example.com', 443)).toBe(false);
    expect(matchesName(p('*.example.com'), 'a.b.example.com', 443)).toBe(true);
    expect(matchesName(p('*.example.com'), 'example.com', 443)).toBe(false);
    expect(matchesName(p('*.example.com'), 'badexample.com', 443)).toBe(false);
    expect(matchesName(p('localhost:8080'), 'localhost', 8080)).toBe(true);
    expect(matchesName(p('localhost:8080'), 'localhost', 8081)).toBe(false);
    expect(matchesName(p('*'), 'anything', 1)).toBe(true);
  });

  it('matches addresses, ranges and named ranges, IPv4-mapped IPv6 included', () => {
    expect(matchesAddress(p('10.0.0.0/8'), '10.1.2.3', 80)).toBe(true);
    expect(matchesAddress(p('10.0.0.0/8'), '::ffff:10.1.2.3', 80)).toBe(true);
    expect(matchesAddress(p('10.0.0.0/8'), '11.0.0.1', 80)).toBe(false);
    expect(matchesAddress(p('[::1]:9000'), '::1', 9000)).toBe(true);
    expect(matchesAddress(p('loopback'), '127.9.9.9', 1)).toBe(true);
    expect(matchesAddress(p('fd00::/8'), 'fd12::1', 1)).toBe(true);
    expect(matchesName(p('10.0.0.0/8'), '10.0.0.1', 1)).toBe(false);
  });

  it('refuses unusable patterns with a message', () => {
    for (const bad of ['', 'a b', '10.0.0.0/33', 'host:99999', '*.', 'a..b', '[::1']) {
      expect(parseHostPattern(bad)).toMatch(/invalid/);
    }
  });

  it.each([
    ['127.0.0.1', true],
    ['10.0.0.5', true],
    ['172.16.3.4', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fc00::1', true],
    ['::ffff:127.0.0.1', true],
    ['224.0.0.1', true],
    // I4: IPv4-compatible, SIIT, local-use NAT64, site-local, Teredo.
    ['::7f00:1', true],
    ['::ffff:0:7f00:1', true],
    ['64:ff9b:1::a00:1', true],
    ['fec0::1', true],
    ['2001::1', true],
    ['::ffff:7f00:1', true],
    ['8.8.8.8', false],
    ['2606:4700::1111', false],
    ['93.184.216.34', false],
  ])('classifies %s as non-public: %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});

describe('target checks', () => {
  it('local mode allows loopback by default', () => {
    const r = rules('local', ['*']);
    expect(checkTargetName(r, '127.0.0.1', 80)).toEqual({ ok: true, nameAllowed: false });
    expect(checkTargetAddress(r, 'localhost', true, '127.0.0.1', 80)).toBeNull();
  });

  it('hosted mode refuses non-public addresses even for an allowed name', () => {
    const r = rules('hosted', ['*']);
    expect(checkTargetName(r, '127.0.0.1', 80)).toMatchObject({ ok: false });
    expect(checkTargetName(r, '[::1]', 80)).toMatchObject({ ok: false });
    expect(checkTargetName(r, 'internal.example.com', 80)).toEqual({ ok: true, nameAllowed: true });
    expect(checkTargetAddress(r, 'internal.example.com', true, '10.0.0.7', 80)).toMatch(
      /non-public address/,
    );
    expect(checkTargetAddress(r, 'api.example.com', true, '93.184.216.34', 443)).toBeNull();
  });

  it('hosted mode dials a private address only when an address pattern allows it', () => {
    expect(
      checkTargetAddress(rules('hosted', ['*', '10.0.0.7']), 'db', true, '10.0.0.7', 80),
    ).toBeNull();
    expect(checkTargetAddress(rules('hosted', ['*', 'db']), 'db', true, '10.0.0.7', 80)).toMatch(
      /non-public/,
    );
  });

  it('deny wins over allow, by name and by address', () => {
    const r = rules('local', ['*'], ['evil.com', '203.0.113.0/24']);
    expect(checkTargetName(r, 'evil.com', 443)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/denied/),
    });
    expect(checkTargetAddress(r, 'fine.com', true, '203.0.113.9', 443)).toMatch(/denied/);
  });

  it('an address allow list admits names only through their resolved addresses', () => {
    const r = rules('local', ['203.0.113.0/24']);
    const verdict = checkTargetName(r, 'x.com', 80);
    expect(verdict).toEqual({ ok: true, nameAllowed: false });
    expect(checkTargetAddress(r, 'x.com', false, '203.0.113.5', 80)).toBeNull();
    expect(checkTargetAddress(r, 'x.com', false, '8.8.8.8', 80)).toMatch(
      /not in the relay's allowed hosts/,
    );
    expect(checkTargetName(rules('local', ['a.com']), 'b.com', 80)).toMatchObject({ ok: false });
  });
});

describe('the loopback range (M5)', () => {
  it.each(['0.0.0.0', '0.1.2.3', '::', '::ffff:0.0.0.0', '::ffff:0:0', '127.0.0.1', '::1'])(
    'covers %s, which a connect on Linux sends to this machine',
    (address) => {
      expect(matchesAddress(p('loopback'), address, 80)).toBe(true);
      expect(
        checkTargetAddress(rules('local', ['*'], ['loopback']), address, false, address, 80),
      ).toMatch(/denied by the relay/);
    },
  );

  it('leaves public addresses alone', () => {
    expect(matchesAddress(p('loopback'), '1.0.0.1', 80)).toBe(false);
    expect(matchesAddress(p('loopback'), '2606:4700::1111', 80)).toBe(false);
  });
});

describe("this machine's own interface addresses (exposed HOST, hosted)", () => {
  // A machine with a LAN address, a ULA, a docker bridge and a public address on eth1.
  const own = new OwnAddresses(
    () =>
      ({
        eth0: [
          { address: '192.168.1.50', family: 'IPv4' },
          { address: 'fd00::2', family: 'IPv6' },
        ],
        docker0: [{ address: '172.17.0.1', family: 'IPv4' }],
        eth1: [{ address: '93.184.216.34', family: 'IPv4' }],
      }) as unknown as ReturnType<typeof networkInterfaces>,
  );
  const exposed = (allow: string[]): HostRules => ({
    ...rules('local', allow),
    exposed: true,
    thisMachine: own,
  });

  it.each(['192.168.1.50', 'fd00::2', '172.17.0.1', '::ffff:172.17.0.1', '93.184.216.34'])(
    'an exposed relay refuses %s unless an address pattern names it',
    (address) => {
      expect(checkTargetAddress(exposed(['*']), 'h', true, address, 5432)).toMatch(
        /an address of the relay's own machine/,
      );
      const bare = address.replace(/^::ffff:/, '');
      expect(checkTargetAddress(exposed(['*', bare]), 'h', true, address, 5432)).toBeNull();
    },
  );

  it('a hosted relay refuses its own public address as it refuses non-public ones', () => {
    const hosted: HostRules = { ...rules('hosted', ['*']), thisMachine: own };
    expect(checkTargetAddress(hosted, 'me.example', true, '93.184.216.34', 443)).toMatch(
      /own machine/,
    );
    expect(checkTargetAddress(hosted, 'other.example', true, '93.184.216.35', 443)).toBeNull();
  });

  it('a loopback local relay still reaches them (the person at the machine may)', () => {
    expect(
      checkTargetAddress(
        { ...rules('local', ['*']), thisMachine: own },
        'h',
        true,
        '172.17.0.1',
        80,
      ),
    ).toBeNull();
  });

  it('the named range local-machine covers them, for deny and allow lists', () => {
    const pattern = parseHostPattern('local-machine', own) as HostPattern;
    for (const address of ['172.17.0.1', 'fd00::2', '127.0.0.1', '169.254.169.254', '::'])
      expect(matchesAddress(pattern, address, 80)).toBe(true);
    expect(matchesAddress(pattern, '172.17.0.2', 80)).toBe(false);
  });
});
