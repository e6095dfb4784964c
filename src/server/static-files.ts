/**
 * Serving the built playground (dist/): correct MIME types, no way out of the root (decoded
 * path resolved and checked, symlinks resolved too), index.html for app routes, and a hook to
 * rewrite index.html on its way out (the page config with the token goes in there, which is
 * also why index.html is never cached). Assets with brotli or gzip copies written at build time
 * (precompress.ts) are sent compressed to clients that accept it, with `Vary: Accept-Encoding`.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { Stats } from 'node:fs';
import { chooseCoding, CODINGS, SUFFIX, type Coding } from './content-encoding.ts';
import { COMPRESSIBLE } from './precompress.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.lua': 'text/plain; charset=utf-8',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticOptions {
  root: string;
  /** Rewrites index.html for each response. */
  transformIndex(html: string): string;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

/** The file a URL path names inside root, or null when it would leave root. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  return file === root || file.startsWith(root + sep) ? file : null;
}

/** The precompressed copies next to `file` (x.js.br, x.js.gz) that are files inside `base`. */
async function compressedCopies(
  file: string,
  base: string,
): Promise<Map<Coding, { path: string; info: Stats }>> {
  const copies = new Map<Coding, { path: string; info: Stats }>();
  if (!COMPRESSIBLE.has(extname(file).toLowerCase())) return copies;
  await Promise.all(
    CODINGS.map(async (coding) => {
      const path = file + SUFFIX[coding];
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) return;
      const real = await realpath(path).catch(() => '');
      if (real.startsWith(base + sep)) copies.set(coding, { path, info });
    }),
  );
  return copies;
}

export function createStaticHandler(options: StaticOptions) {
  const root = resolve(options.root);
  const indexFile = join(root, 'index.html');
  let realRoot: Promise<string> | undefined;

  async function sendIndex(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const html = options.transformIndex(await readFile(indexFile, 'utf8'));
    res.writeHead(200, {
      'Content-Type': MIME['.html']!,
      'Content-Length': Buffer.byteLength(html),
      // The page carries this start's relay token: never cache it, never leak the URL.
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'method not allowed');
    }
    const pathname = (req.url ?? '/').split('?')[0]!.split('#')[0]!;
    const file = resolveInside(root, pathname);
    if (!file) return send(res, 400, 'bad path');
    try {
      let target = file;
      let info = await stat(target).catch(() => null);
      if (info?.isDirectory()) {
        target = join(target, 'index.html');
        info = await stat(target).catch(() => null);
      }
      if (!info?.isFile()) {
        // App routes (no file extension) get the app; missing assets get a 404.
        if (!extname(pathname)) return await sendIndex(req, res);
        return send(res, 404, 'not found');
      }
      // A symlink inside dist/ must not lead outside it either.
      const [real, base] = await Promise.all([realpath(target), (realRoot ??= realpath(root))]);
      if (!real.startsWith(base + sep)) {
        return send(res, 403, 'forbidden');
      }
      if (target === indexFile) return await sendIndex(req, res);
      const copies = await compressedCopies(target, base);
      const coding = chooseCoding(req.headers['accept-encoding'], [...copies.keys()]);
      const sent = coding ? copies.get(coding)! : { path: target, info };
      res.writeHead(200, {
        'Content-Type': mimeType(target),
        'Content-Length': sent.info.size,
        ...(coding ? { 'Content-Encoding': coding } : {}),
        // Caches must keep the copies apart (RFC 9110 §12.5.5).
        ...(copies.size > 0 ? { Vary: 'Accept-Encoding' } : {}),
        // Vite puts content hashes in names under assets/: those never change.
        'Cache-Control': pathname.startsWith('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return void res.end();
      const stream = createReadStream(sent.path);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    }
  };
}
