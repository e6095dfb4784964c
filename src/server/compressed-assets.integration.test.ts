/**
 * Precompressed assets over a real socket: the build's brotli and gzip copies (precompress.ts)
 * served by the static handler according to Accept-Encoding, with the right headers, and
 * bodies that decompress to the file itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createStaticHandler } from './static-files.ts';
import { precompressDir } from './precompress.ts';

let root: string;
let server: Server;
let base: string;
// Compressible and large enough: a bundle-like script.
const script = Buffer.from(
  Array.from({ length: 400 }, (_, i) => `export const value${i} = "${'x'.repeat(i % 40)}";`).join(
    '\n',
  ),
);
const tiny = Buffer.from('console.log(1)');
const png = Buffer.alloc(4096, 7);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'precompress-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(root, 'assets', 'app-abc.js'), script);
  await writeFile(join(root, 'assets', 'tiny.js'), tiny);
  await writeFile(join(root, 'assets', 'image.png'), png);
  await precompressDir(root);
  const serveStatic = createStaticHandler({ root, transformIndex: (html) => html });
  server = createServer((req, res) => void serveStatic(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
});

function get(
  path: string,
  acceptEncoding?: string,
  method = 'GET',
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('precompressed assets', () => {
  it('writes brotli and gzip copies of compressible files only', async () => {
    const names = await readdir(join(root, 'assets'));
    expect(names.sort()).toEqual([
      'app-abc.js',
      'app-abc.js.br',
      'app-abc.js.gz',
      'image.png',
      'tiny.js',
    ]);
  });

  it('sends brotli to a browser that accepts it, with the right headers', async () => {
    const res = await get('/assets/app-abc.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(res.body).equals(script)).toBe(true);
  });

  it('sends gzip when brotli is not accepted', async () => {
    const res = await get('/assets/app-abc.js', 'gzip;q=1, br;q=0');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(gunzipSync(res.body).equals(script)).toBe(true);
  });

  it('sends the file itself without Accept-Encoding, still varying on it', async () => {
    const res = await get('/assets/app-abc.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(script.length);
    expect(res.body.equals(script)).toBe(true);
  });

  it('answers HEAD with the length of the copy it would send', async () => {
    const res = await get('/assets/app-abc.js', 'br', 'HEAD');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.length).toBe(0);
    expect(Number(res.headers['content-length'])).toBeLessThan(script.length / 4);
  });

  it('sends files without copies as they are, with no Vary', async () => {
    for (const [path, body] of [
      ['/assets/tiny.js', tiny],
      ['/assets/image.png', png],
    ] as const) {
      const res = await get(path, 'br, gzip');
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toBeUndefined();
      expect(res.body.equals(body)).toBe(true);
    }
  });
});
