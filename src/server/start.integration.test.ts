/**
 * npm start's server, in-process, over a small fake dist/ (no Vite build in unit tests).
 */
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startPlayground } from './start.ts';
import type { Playground } from './start.ts';
import { staleReason } from './build-if-stale.ts';
import { injectPageConfig } from './page-config-html.ts';
import { parsePageConfig } from '../runner/page-config.ts';
import { probeRelay } from '../runtime/transport/relay.ts';
import { NodeWebSocket } from './relay/testing.ts';
import { relayProtocols } from '../shared/relay-protocol.ts';

let root: string;
let pg: Playground | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pg-start-'));
  await mkdir(join(root, 'dist', 'assets'), { recursive: true });
  await writeFile(
    join(root, 'dist', 'index.html'),
    '<html><head><!--playground-config--></head><body></body></html>',
  );
  await writeFile(join(root, 'dist', 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(root, 'dist', 'favicon.svg'), '<svg/>');
  await writeFile(join(root, 'secret.txt'), 'TOP SECRET');
});

afterEach(async () => {
  await pg?.close();
  pg = undefined;
  await rm(root, { recursive: true, force: true });
});

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: pg!.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function start(): Promise<Playground> {
  pg = await startPlayground({ port: 0, root, build: 'never', env: {}, log: () => {} });
  return pg;
}

describe('startPlayground', () => {
  it("serves index.html with the page config and this start's token, never cached", async () => {
    const { token, url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const json = /<script id="playground-config" type="application\/json">(.*)<\/script>/.exec(
      res.body,
    )?.[1];
    expect(parsePageConfig(json)).toEqual({
      relay: { url: '/relay', token },
      demoHosts: {
        'api.example.com': '/demo/api',
        'chat.example.com': '/demo/chat',
        'stream.example.com': '/demo/stream',
      },
    });
    expect((await get('/examples/chat')).body).toContain(token); // app routes get the app
  });

  it('serves files with their MIME types and caches hashed assets', async () => {
    await start();
    const js = await get('/assets/app-1234.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await get('/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
    expect((await get('/missing.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%00',
    '/..\\secret.txt',
  ])('never serves a file outside dist/ (%s)', async (path) => {
    await start();
    const res = await get(path);
    expect(res.body).not.toContain('TOP SECRET');
    expect([400, 404, 200]).toContain(res.status);
  });

  it('refuses requests addressed to a foreign Host name (DNS rebinding)', async () => {
    await start();
    expect((await get('/', { Host: `evil.example:${pg!.port}` })).status).toBe(403);
    expect((await get('/', { Host: `localhost:${pg!.port}` })).status).toBe(200);
  });

  it('serves the relay and the demo servers on the same origin', async () => {
    const { port, token } = await start();
    expect(
      await probeRelay({ url: `ws://127.0.0.1:${port}/relay`, token }, NodeWebSocket, 2000),
    ).toEqual({ ok: true });
    const ws = new WebSocket(`ws://127.0.0.1:${port}/demo/echo`);
    const echoed = await new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send('ping?'));
      ws.on('message', (d) => resolve(d.toString()));
      ws.on('error', reject);
    });
    expect(echoed).toBe('ping?');
    ws.close();
    const stats = (await (await fetch(`http://127.0.0.1:${port}/demo/stats`)).json()) as Record<
      string,
      { connections: number }
    >;
    expect(stats.echo.connections).toBe(1);
    expect(stats.chat.connections).toBe(0);
    const nowhere = new WebSocket(`ws://127.0.0.1:${port}/nowhere`);
    const status = await new Promise<number>((resolve) => {
      nowhere.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      nowhere.on('error', () => {});
    });
    expect(status).toBe(404);
  });

  it('allows the serving origins on the relay and refuses others', async () => {
    const { port, token } = await start();
    const tryOrigin = (origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/relay`, relayProtocols(token), { origin });
        ws.on('open', () => {
          resolve(101);
          ws.terminate();
        });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => {});
      });
    expect(await tryOrigin(`http://localhost:${port}`)).toBe(101);
    expect(await tryOrigin(`http://127.0.0.1:${port}`)).toBe(101);
    expect(await tryOrigin('http://evil.example')).toBe(403);
  });
});

describe('build staleness', () => {
  it('asks for a build when dist/ is missing or older than a page source', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'pg-stale-'));
    expect(await staleReason(empty)).toBe('dist/ is missing');
    await mkdir(join(empty, 'dist'));
    await mkdir(join(empty, 'src', 'server'), { recursive: true });
    await writeFile(join(empty, 'dist', 'index.html'), '');
    await writeFile(join(empty, 'src', 'main.tsx'), '');
    await writeFile(join(empty, 'src', 'server', 'start.ts'), '');
    const old = new Date(Date.now() - 60_000);
    await utimes(join(empty, 'src', 'main.tsx'), old, old);
    expect(await staleReason(empty)).toBeNull(); // server code does not count
    await utimes(
      join(empty, 'dist', 'index.html'),
      new Date(Date.now() - 120_000),
      new Date(Date.now() - 120_000),
    );
    expect(await staleReason(empty)).toBe('the sources changed since the last build');
    await rm(empty, { recursive: true, force: true });
  });
});

describe('injectPageConfig', () => {
  it('replaces the marker and escapes anything that could end the script element', () => {
    const html = injectPageConfig('<head><!--playground-config--></head>', {
      demoHosts: { '</script><b>': '/x' },
    });
    expect(html).not.toContain('</script><b>');
    expect(parsePageConfig(/>(\{.*\})</.exec(html)?.[1])).toEqual({
      demoHosts: { '</script><b>': '/x' },
    });
  });
});
