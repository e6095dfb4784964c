import { describe, expect, it } from 'vitest';
import { RelayConfigError, normalizeOrigin, parseListenEnv, parseRelayEnv } from './config.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    parseRelayEnv(env, ['http://127.0.0.1:5173']);
  } catch (err) {
    if (err instanceof RelayConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('parseRelayEnv', () => {
  it('fills in the local defaults with the serving origins and a fresh random token', () => {
    const a = parseRelayEnv({}, ['http://127.0.0.1:5173', 'http://localhost:5173']);
    const b = parseRelayEnv({}, []);
    expect(a.mode).toBe('local');
    expect(a.allowedOrigins).toEqual(['http://127.0.0.1:5173', 'http://localhost:5173']);
    expect(a.allowMissingOrigin).toBe(true);
    expect(a.hosts.allow.map((p) => p.source)).toEqual(['*']);
    expect(a.hosts.deny).toEqual([]);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.path).toBe('/relay');
  });

  it('reads every variable', () => {
    const c = parseRelayEnv({
      RELAY_MODE: 'hosted',
      RELAY_TOKEN: 'a-long-enough-secret-token',
      RELAY_ALLOWED_ORIGINS: 'https://play.example.com, http://localhost:8080/',
      RELAY_ALLOW_HOSTS: '*.example.com,echo.websocket.org:443',
      RELAY_DENY_HOSTS: '10.0.0.0/8,evil.example.com',
      RELAY_MAX_CONNECTIONS: '5',
      RELAY_MAX_TOTAL_CONNECTIONS: '50',
      RELAY_MAX_MESSAGE_BYTES: '65536',
      RELAY_IDLE_TIMEOUT_MS: '0',
      RELAY_DIAL_TIMEOUT_MS: '5000',
      RELAY_REQUIRE_ORIGIN: 'false',
      RELAY_PATH: '/ws-relay',
    });
    expect(c).toMatchObject({
      mode: 'hosted',
      token: 'a-long-enough-secret-token',
      allowedOrigins: ['https://play.example.com', 'http://localhost:8080'],
      allowMissingOrigin: true,
      maxConnectionsPerClient: 5,
      maxTotalConnections: 50,
      maxMessageBytes: 65536,
      idleTimeoutMs: 0,
      maxDialTimeoutMs: 5000,
      path: '/ws-relay',
    });
    expect(c.hosts.mode).toBe('hosted');
    expect(c.hosts.allow.map((p) => p.type)).toEqual(['suffix', 'name']);
    expect(c.hosts.deny.map((p) => p.type)).toEqual(['addresses', 'name']);
  });

  it('hosted mode requires an Origin and allowed origins by default', () => {
    expect(
      problemsOf({ RELAY_MODE: 'hosted', RELAY_ALLOWED_ORIGINS: '', RELAY_ALLOW_HOSTS: '*' }),
    ).toEqual([]); // serving origin given
    const hosted = parseRelayEnv({
      RELAY_MODE: 'hosted',
      RELAY_ALLOWED_ORIGINS: '*',
      RELAY_ALLOW_HOSTS: 'echo.example.org',
    });
    expect(hosted.allowMissingOrigin).toBe(false);
    expect(hosted.allowedOrigins).toBe('*');
    expect(() => parseRelayEnv({ RELAY_MODE: 'hosted', RELAY_ALLOW_HOSTS: '*' }, [])).toThrow(
      /RELAY_ALLOWED_ORIGINS is required in hosted mode/,
    );
  });

  it('hosted mode is no open proxy by default: RELAY_ALLOW_HOSTS is required (L2)', () => {
    expect(problemsOf({ RELAY_MODE: 'hosted' }).join('\n')).toMatch(
      /RELAY_ALLOW_HOSTS is required in hosted mode/,
    );
    const hosted = parseRelayEnv({ RELAY_MODE: 'hosted', RELAY_ALLOW_HOSTS: '*' }, [
      'https://a.test',
    ]);
    expect(hosted).toMatchObject({
      detailedErrors: false,
      maxMessageBytes: 1024 * 1024,
      maxMemoryBytes: 256 * 1024 * 1024,
      maxTotalConnections: 256,
    });
    const local = parseRelayEnv({ RELAY_MAX_MEMORY_BYTES: '67108864', RELAY_DETAILED_ERRORS: '0' });
    expect(local).toMatchObject({ detailedErrors: false, maxMemoryBytes: 64 * 1024 * 1024 });
  });

  it('reports every bad variable at once, naming it', () => {
    const problems = problemsOf({
      RELAY_MODE: 'public',
      RELAY_TOKEN: 'short',
      RELAY_MAX_CONNECTIONS: 'ten',
      RELAY_MAX_MESSAGE_BYTES: '-1',
      RELAY_IDLE_TIMEOUT_MS: '1.5',
      RELAY_ALLOW_HOSTS: 'ok.com,bad host,10.0.0.0/99',
      RELAY_ALLOWED_ORIGINS: 'http://a.com/path,ftp://x',
      RELAY_REQUIRE_ORIGIN: 'maybe',
      RELAY_PATH: 'relay',
    });
    expect(problems).toHaveLength(11);
    expect(problems.join('\n')).toMatch(/RELAY_MODE must be "local" or "hosted", got "public"/);
    expect(problems.join('\n')).toMatch(/RELAY_TOKEN must be at least 16/);
    expect(problems.join('\n')).toMatch(
      /RELAY_MAX_CONNECTIONS must be an integer between 1 and 100000, got "ten"/,
    );
    expect(problems.join('\n')).toMatch(/RELAY_ALLOW_HOSTS: invalid host pattern "bad host"/);
    expect(problems.join('\n')).toMatch(/RELAY_ALLOW_HOSTS: invalid address range "10.0.0.0\/99"/);
    expect(problems.join('\n')).toMatch(/"ftp:\/\/x" is not an origin/);
  });

  it('parses the listen address of a standalone relay', () => {
    expect(parseListenEnv({}, { host: '127.0.0.1', port: 8787 })).toEqual({
      host: '127.0.0.1',
      port: 8787,
    });
    expect(
      parseListenEnv(
        { RELAY_HOST: '0.0.0.0', RELAY_PORT: '9000' },
        { host: '127.0.0.1', port: 8787 },
      ),
    ).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(() => parseListenEnv({ RELAY_PORT: '70000' }, { host: 'h', port: 1 })).toThrow(
      /RELAY_PORT/,
    );
  });
});

describe('normalizeOrigin', () => {
  it('accepts origins and refuses anything with a path, query or other scheme', () => {
    expect(normalizeOrigin('HTTP://LocalHost:5173')).toBe('http://localhost:5173');
    expect(normalizeOrigin('https://a.com:443')).toBe('https://a.com');
    expect(normalizeOrigin('http://a.com/x')).toBeNull();
    expect(normalizeOrigin('http://a.com?x')).toBeNull();
    expect(normalizeOrigin('ws://a.com')).toBeNull();
    expect(normalizeOrigin('nonsense')).toBeNull();
  });
});
