/**
 * `npm start`: build the page if dist/ is stale, then serve it with the relay at /relay and
 * the demo servers under /demo, on http://127.0.0.1:$PORT/ (PORT 5173, HOST 127.0.0.1 by
 * default). The page receives the relay token through its config; nothing else knows it.
 *
 * Also usable in-process (e2e tests, benchmarks):
 *   const pg = await startPlayground({ port: 0 });  // pg.url, pg.token, await pg.close()
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.ts';
import { injectPageConfig } from './page-config-html.ts';
import { mountPlayground, upgradeOrNotFound } from './playground-mount.ts';
import type { PlaygroundMount } from './playground-mount.ts';
import { RelayConfigError, parseRelayEnv } from './relay/config.ts';
import type { RelayConfig } from './relay/config.ts';
import {
  allowedHostHeaders,
  explicitIn,
  exposeRelay,
  hostHeaderAllowed,
  loopbackOrigins,
} from './relay/exposure.ts';
import { createStaticHandler } from './static-files.ts';
import { createEmbedRoutes, parseEmbedOrigins } from './embed-routes.ts';
import type { EmbedRoutes } from './embed-routes.ts';
import type { DemoOptions } from './demo/index.ts';

export interface StartOptions {
  /** [PORT or 5173] 0 picks a free port (tests). */
  port?: number;
  /** [HOST or 127.0.0.1] */
  host?: string;
  /** [the repository root] where index.html, src/ and dist/ are. */
  root?: string;
  /** ['auto'] build when dist/ is missing or stale; 'never' serves dist/ as it is. */
  build?: 'auto' | 'always' | 'never';
  /** [process.env] where the RELAY_* settings come from. */
  env?: Record<string, string | undefined>;
  /** Settings that win over the environment (tests: small caps, a fixed token). */
  relay?: Partial<RelayConfig>;
  demoOptions?: DemoOptions;
  /** [console.log] progress and address; pass () => {} for silence. */
  log?: (message: string) => void;
}

export interface Playground {
  /** e.g. "http://127.0.0.1:5173/" */
  url: string;
  port: number;
  /** The relay token the served page carries. */
  token: string;
  mount: PlaygroundMount;
  close(): Promise<void>;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startPlayground(options: StartOptions = {}): Promise<Playground> {
  const log = options.log ?? ((m: string) => console.log(m));
  const root = options.root ?? REPO_ROOT;
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  const port = options.port ?? 5173;
  if (options.build !== 'never') await buildIfStale(root, log, options.build === 'always');

  const sockets = new Set<Socket>();
  // Filled in once listening: the relay's allowed origins depend on the port really bound.
  const handlers: {
    embed?: EmbedRoutes;
    mount?: PlaygroundMount;
    serveStatic?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  } = {};
  /**
   * DNS rebinding protection: a page on http://evil.example:5173 whose name points at this
   * machine is same-origin with us as far as the browser knows, and could read the token from
   * index.html. The server therefore answers only requests addressed to a loopback name or to
   * the host of an allowed origin (which a server on the network must be given, exposure.ts).
   */
  let allowedHosts = new Set<string>();

  const server = createServer(function serverOnRequest(req, res) {
    if (!hostHeaderAllowed(req, allowedHosts)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('unexpected Host header\n');
      return;
    }
    const demos = handlers.mount?.demos;
    if (demos && req.method === 'GET' && req.url === '/demo/stats') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(demos.stats()));
      return;
    }
    const { embed, serveStatic } = handlers;
    if (!embed || !serveStatic) return void res.writeHead(503).end();
    // Security headers on every response, and the embed kit's routes (embed-routes.ts).
    void embed.handle(req, res).then((answered) => {
      if (!answered) return serveStatic(req, res);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on(
    'upgrade',
    function serverOnUpgrade(req: IncomingMessage, socket: Socket, head: Buffer) {
      if (!handlers.mount) return void socket.destroy();
      upgradeOrNotFound(handlers.mount)(req, socket, head);
    },
  );
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is in use: set PORT to another port`)
          : err,
      ),
    );
    server.listen(port, host, () => resolveListen());
  });
  const boundPort = (server.address() as AddressInfo).port;

  let relayConfig: RelayConfig;
  let embedOrigins: string[];
  try {
    const env = options.env ?? process.env;
    relayConfig = { ...parseRelayEnv(env, loopbackOrigins(boundPort)), ...options.relay };
    const explicit = explicitIn(env);
    if (options.relay?.allowedOrigins !== undefined) explicit.origins = true;
    if (options.relay?.allowMissingOrigin !== undefined) explicit.requireOrigin = true;
    const warning = exposeRelay(relayConfig, host, explicit);
    if (warning) log(warning);
    embedOrigins = parseEmbedOrigins(env.EMBED_ORIGINS);
  } catch (err) {
    server.close();
    throw err;
  }
  allowedHosts = allowedHostHeaders(
    boundPort,
    relayConfig.allowedOrigins === '*' ? [] : relayConfig.allowedOrigins,
  );
  const ready = mountPlayground({
    relay: relayConfig,
    demoOptions: options.demoOptions,
    log: () => {},
  });
  handlers.mount = ready;
  handlers.embed = createEmbedRoutes({
    distDir: join(root, 'dist'),
    embedOrigins,
    pageConfig: () => ready.pageConfig,
  });
  handlers.serveStatic = createStaticHandler({
    root: join(root, 'dist'),
    transformIndex: (html) => injectPageConfig(html, ready.pageConfig),
  });

  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}/`;
  return {
    url,
    port: boundPort,
    token: relayConfig.token,
    mount: ready,
    async close() {
      await ready.close();
      await new Promise<void>((r) => {
        server.close(() => r());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

function readPort(text: string | undefined): number {
  if (text === undefined || text === '') return 5173;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new Error(`PORT must be a port number (0-65535), got "${text}"`);
  return port;
}

async function main(): Promise<void> {
  try {
    const playground = await startPlayground({ port: readPort(process.env.PORT) });
    console.log('');
    console.log('  Lua WebSocket Playground');
    console.log(`  ➜  ${playground.url}`);
    console.log(
      `     relay: ${playground.url.replace(/^http/, 'ws')}relay (token only in the served page)`,
    );
    console.log(
      '     demo servers: /demo/api (echo, /demo/api/graphql), /demo/chat, /demo/stream, /demo/echo',
    );
    console.log('');
    const stop = () => {
      void playground.close().then(() => process.exit(0));
      setTimeout(() => process.exit(0), 3000).unref();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(
      err instanceof RelayConfigError ? err.message : `npm start: ${(err as Error).message}`,
    );
    process.exit(1);
  }
}

const invokedDirectly = (() => {
  try {
    return (
      process.argv[1] !== undefined &&
      realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
})();
if (invokedDirectly) void main();
