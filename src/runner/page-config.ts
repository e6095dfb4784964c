/**
 * The page config the server injected (src/shared/page-config.ts), read from the DOM and
 * turned into what a run needs: absolute ws:// or wss:// URLs (matching the page's http or
 * https) for the relay and for each demo host. The location is passed in (STYLE habit 7).
 */
import { PAGE_CONFIG_ELEMENT_ID } from '../shared/page-config.ts';
import type { PageConfig } from '../shared/page-config.ts';
import type { RelayEndpoint } from '../shared/worker-protocol.ts';

export interface PageLocation {
  protocol: string;
  host: string;
}

export const EMPTY_PAGE_CONFIG: PageConfig = { demoHosts: {} };

/** Parse the config JSON; anything unusable gives the empty config (no relay, no demo hosts). */
export function parsePageConfig(text: string | null | undefined): PageConfig {
  if (!text) return EMPTY_PAGE_CONFIG;
  try {
    const raw = JSON.parse(text) as Partial<PageConfig> | null;
    if (!raw || typeof raw !== 'object') return EMPTY_PAGE_CONFIG;
    const demoHosts: Record<string, string> = {};
    if (raw.demoHosts && typeof raw.demoHosts === 'object') {
      for (const [host, base] of Object.entries(raw.demoHosts)) {
        if (typeof base === 'string') demoHosts[host] = base;
      }
    }
    const relay =
      raw.relay && typeof raw.relay.url === 'string' && typeof raw.relay.token === 'string'
        ? { url: raw.relay.url, token: raw.relay.token }
        : undefined;
    return relay ? { relay, demoHosts } : { demoHosts };
  } catch {
    return EMPTY_PAGE_CONFIG;
  }
}

export function readPageConfig(doc: Document): PageConfig {
  return parsePageConfig(doc.getElementById(PAGE_CONFIG_ELEMENT_ID)?.textContent);
}

/** A path ("/relay") or URL (http, https, ws, wss) as a ws:// or wss:// URL. */
export function toWebSocketUrl(pathOrUrl: string, location: PageLocation): string {
  const wsScheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = new URL(pathOrUrl, `${location.protocol}//${location.host}/`);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol !== 'ws:' && url.protocol !== 'wss:') url.protocol = wsScheme;
  return url.toString();
}

export interface ResolvedEndpoints {
  relay?: RelayEndpoint;
  demoHosts: Record<string, string>;
}

export function resolveEndpoints(
  config: PageConfig,
  location: PageLocation,
  demoHostsOn: boolean,
): ResolvedEndpoints {
  const demoHosts: Record<string, string> = {};
  if (demoHostsOn) {
    for (const [host, base] of Object.entries(config.demoHosts)) {
      demoHosts[host] = toWebSocketUrl(base, location).replace(/\/$/, '');
    }
  }
  return config.relay
    ? {
        relay: { url: toWebSocketUrl(config.relay.url, location), token: config.relay.token },
        demoHosts,
      }
    : { demoHosts };
}
