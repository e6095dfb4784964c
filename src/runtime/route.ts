/**
 * Demo-host routing: the original page's examples name hosts such as `api.example.com`; the
 * playground sends them to its own demo servers so the snippets run verbatim and offline.
 * The policy still judges the URL as the script wrote it; only the network sees the route.
 */

/** `host` (or `host:port`) as written -> base URL, e.g. "ws://127.0.0.1:5173/demo/api". */
export type DemoHosts = Record<string, string>;

/** The URL to dial: the demo base plus the script's path and query, or the URL unchanged. */
export function routeUrl(url: URL, demoHosts: DemoHosts): string {
  const base = demoHosts[url.host] ?? demoHosts[url.hostname];
  if (!base) return url.href;
  const target = new URL(base);
  const basePath = target.pathname.replace(/\/$/, '');
  target.pathname = basePath + url.pathname;
  target.search = url.search;
  return target.href;
}
