/**
 * A playground (or standalone relay) that listens on something other than loopback: HOST=0.0.0.0,
 * a LAN address, even 127.0.0.2. Then anyone who can reach the port could read the token from
 * index.html and use the relay as a way into this machine. So an exposed server:
 *
 *   - answers only Host headers it was told about (the loopback names and the hosts of
 *     RELAY_ALLOWED_ORIGINS, which must be given explicitly), so DNS rebinding stays shut;
 *   - refuses relay requests without an Origin (a non-browser client on the network);
 *   - refuses targets on this machine (loopback, unspecified, link-local, and the addresses of
 *     its own interfaces, where a firewalled service on 0.0.0.0 is reachable from inside)
 *     unless an address pattern allows them (HostRules.exposed);
 *   - says so at start.
 */
import type { IncomingMessage } from 'node:http';
import type { RelayConfig } from './config.ts';
import { RelayConfigError } from './config.ts';

type Env = Record<string, string | undefined>;

/** The names whose Host header a loopback-only server answers to. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

/**
 * Origins a browser shows for a loopback server on this port, the way users will type them:
 * [::1] included, since the Host check lets it in (a page served there must reach the relay).
 */
export function loopbackOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
}

/** Host header values a server on `port` answers to: the loopback names, plus the origins' hosts. */
export function allowedHostHeaders(port: number, origins: readonly string[]): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  for (const origin of origins) {
    try {
      hosts.add(new URL(origin).host.toLowerCase());
    } catch {
      // Not an origin: config.ts refused it already.
    }
  }
  return hosts;
}

export function hostHeaderAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  return allowed.has((req.headers.host ?? '').trim().toLowerCase());
}

/** What the operator set explicitly (not a default): an exposed server needs the origins. */
export interface ExplicitSettings {
  origins: boolean;
  requireOrigin: boolean;
}

/** Which settings an environment gives explicitly. */
export function explicitIn(env: Env): ExplicitSettings {
  return {
    origins: Boolean(env.RELAY_ALLOWED_ORIGINS?.trim()),
    requireOrigin: Boolean(env.RELAY_REQUIRE_ORIGIN?.trim()),
  };
}

/**
 * Tighten `config` for a server listening on `host` when that is not loopback; returns the
 * warning to print (or null for a loopback server). Throws RelayConfigError when the origins
 * the server may be used from were not given.
 */
export function exposeRelay(
  config: RelayConfig,
  host: string,
  explicit: ExplicitSettings,
): string | null {
  if (isLoopbackHost(host)) return null;
  if (config.allowedOrigins === '*' || !explicit.origins) {
    throw new RelayConfigError([
      `HOST=${host} makes the playground reachable from the network: set RELAY_ALLOWED_ORIGINS to the origins you browse to (e.g. http://192.168.1.50:5173), "*" is not accepted here`,
    ]);
  }
  if (!explicit.requireOrigin) config.allowMissingOrigin = false;
  config.hosts = { ...config.hosts, exposed: true };
  return (
    `warning: listening on ${host}, which is not loopback: only pages from ${config.allowedOrigins.join(', ')} ` +
    `may use the relay (and npm start serves its page only to those hosts and the loopback names); ` +
    `requests without Origin are refused, and so are targets on this machine (loopback, link-local, ` +
    `the addresses of its own interfaces) ` +
    `unless RELAY_ALLOW_HOSTS names them by address`
  );
}
