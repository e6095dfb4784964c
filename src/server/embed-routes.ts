/**
 * What the server adds for documentation pages (issue 11) and who may frame what it serves
 * (audit M3, I10), for npm start (start.ts) and the Vite servers (vite-plugin.ts):
 *
 * - Every response gets the security headers below: a Content-Security-Policy whose
 *   `frame-ancestors` is the playground's own origin plus EMBED_ORIGINS (documentation sites
 *   that may embed widgets; nobody else can frame the page, the widget or the docs), scripts
 *   from our origin only, `connect-src` limited to our origin and WebSocket URLs (the direct
 *   transport opens the script's own ws:// and wss:// URLs), no plugins, no <base>, no forms.
 * - `/embed/frame`: the widget frame (embed-frame.html), with the page config (relay token)
 *   and the embed config (which host origins may drive it) put in; never cached.
 * - `/docs/websocket`: the module's reference with every gallery example runnable.
 * - `/embed.js` itself is a static file in dist/; here it only gets its cross-origin headers.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { PAGE_CONFIG_MARKER } from '../shared/page-config.ts';
import type { PageConfig } from '../shared/page-config.ts';
import {
  EMBED_CONFIG_ELEMENT_ID,
  EMBED_CONFIG_MARKER,
  EMBED_FRAME_PATH,
  normalizeOrigin,
} from '../shared/embed-protocol.ts';
import type { EmbedFrameConfig } from '../shared/embed-protocol.ts';
import { injectPageConfig } from './page-config-html.ts';
import { readExamples, renderWebsocketDocs } from './docs/websocket-page.ts';

export const DOCS_PATH = '/docs/websocket';
export const EMBED_SCRIPT_PATH = '/embed.js';

export class EmbedConfigError extends Error {}

/**
 * /embed.js on the Vite dev server: the host script as a module through Vite, started from a
 * classic script that hands over its own element (a module has no document.currentScript).
 */
export const DEV_EMBED_LOADER = `(() => {
  const script = document.currentScript;
  window.__luaPlaygroundScript = script;
  import(new URL('/src/embed/host/main.ts', script.src).href);
})();
`;

/** EMBED_ORIGINS: origins separated by commas or spaces, e.g. "https://docs.example.com". */
export function parseEmbedOrigins(text: string | undefined): string[] {
  const origins: string[] = [];
  for (const item of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    const origin = normalizeOrigin(item);
    if (!origin || origin !== item.replace(/\/$/, ''))
      throw new EmbedConfigError(
        `EMBED_ORIGINS: "${item}" is not an origin (scheme://host[:port], http or https, no path)`,
      );
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

/**
 * The security headers of every response. `dev`: the Vite dev server, whose inline
 * react-refresh preamble and HMR need more than the built page; only the framing rule applies.
 */
export function securityHeaders(embedOrigins: string[], dev = false): Record<string, string> {
  const ancestors = ["'self'", ...embedOrigins].join(' ');
  const csp = dev
    ? [`frame-ancestors ${ancestors}`]
    : [
        "default-src 'self'",
        "script-src 'self'",
        // React style attributes and Monaco's injected <style> elements.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self' ws: wss:",
        "worker-src 'self' blob:",
        "frame-src 'self'",
        `frame-ancestors ${ancestors}`,
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ];
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp.join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
  // For browsers without frame-ancestors; it cannot name other origins, so only without any.
  if (embedOrigins.length === 0) headers['X-Frame-Options'] = 'SAMEORIGIN';
  return headers;
}

export function embedConfigScript(config: EmbedFrameConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script id="${EMBED_CONFIG_ELEMENT_ID}" type="application/json">${json}</script>`;
}

export interface EmbedRoutesOptions {
  /** The built page (dist/): embed-frame.html, embed.js, examples/. */
  distDir: string;
  embedOrigins: string[];
  /** The page config of this server (read per request: the Vite plugin fills it in late). */
  pageConfig(): PageConfig;
  dev?: boolean;
  /** [distDir/embed-frame.html] the frame page's HTML (the dev server transforms its own). */
  frameHtml?(): Promise<string>;
  /** [distDir/examples] the gallery (index.json and <name>.lua) for /docs/websocket. */
  examplesDir?: string;
  /** [the built script is served statically] the dev server answers /embed.js with this. */
  embedScript?: string;
}

export interface EmbedRoutes {
  /** Sets the security headers; answers the embed routes. True when it answered. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

function sendHtml(req: IncomingMessage, res: ServerResponse, html: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    // The frame carries this start's relay token: never cached.
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

export function createEmbedRoutes(options: EmbedRoutesOptions): EmbedRoutes {
  const headers = securityHeaders(options.embedOrigins, options.dev);
  const frameHtml =
    options.frameHtml ?? (() => readFile(join(options.distDir, 'embed-frame.html'), 'utf8'));
  return {
    async handle(req, res) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      const path = (req.url ?? '/').split(/[?#]/)[0];
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      if (path === EMBED_SCRIPT_PATH) {
        // A classic script other origins include; it holds nothing secret.
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
        res.setHeader('Access-Control-Allow-Origin', '*');
        if (options.embedScript === undefined) return false; // the file in dist/
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
        res.end(options.embedScript);
        return true;
      }
      try {
        if (path === EMBED_FRAME_PATH) {
          const raw = await frameHtml();
          // The dev server's own transform may have put the page config in already.
          const withConfig = raw.includes(PAGE_CONFIG_MARKER)
            ? injectPageConfig(raw, options.pageConfig())
            : raw;
          const html = withConfig.replace(EMBED_CONFIG_MARKER, () =>
            embedConfigScript({ hostOrigins: options.embedOrigins }),
          );
          sendHtml(req, res, html);
          return true;
        }
        if (path === DOCS_PATH) {
          const examples = await readExamples(
            options.examplesDir ?? join(options.distDir, 'examples'),
          );
          sendHtml(req, res, renderWebsocketDocs(examples));
          return true;
        }
      } catch {
        if (!res.headersSent) {
          res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('the embed kit is not built (run npm run build)\n');
        }
        return true;
      }
      return false;
    },
  };
}
