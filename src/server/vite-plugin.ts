/**
 * The same relay, demo servers and page config as `npm start`, on the Vite dev server:
 *
 *   // vite.config.ts
 *   import { playgroundServer } from './src/server/vite-plugin.ts';
 *   export default defineConfig({ plugins: [react(), playgroundServer()], ... });
 *
 * Serve only (`apply: 'serve'`): a production build must keep the config marker in
 * index.html, since the token is made fresh by whichever server serves the page.
 * `vite preview` gets the relay and demo servers too, and index.html with the config put in.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Http2SecureServer } from 'node:http2';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { injectPageConfig } from './page-config-html.ts';
import { mountPlayground } from './playground-mount.ts';
import type { PlaygroundMount } from './playground-mount.ts';
import { parseRelayEnv } from './relay/config.ts';
import type { RelayConfig } from './relay/config.ts';
import type { DemoOptions } from './demo/index.ts';
import { DEV_EMBED_LOADER, createEmbedRoutes, parseEmbedOrigins } from './embed-routes.ts';
import type { EmbedRoutesOptions } from './embed-routes.ts';
import type { Connect } from 'vite';

/** The embed kit's routes and the security headers (embed-routes.ts) as Connect middleware. */
function embedMiddleware(options: EmbedRoutesOptions): Connect.NextHandleFunction {
  const routes = createEmbedRoutes(options);
  return function embedRoutes(req, res, next) {
    routes.handle(req, res).then((answered) => answered || next(), next);
  };
}

export interface PlaygroundServerOptions {
  /** [process.env] RELAY_* settings. */
  env?: Record<string, string | undefined>;
  /** Settings that win over the environment. */
  relay?: Partial<RelayConfig>;
  demoOptions?: DemoOptions;
}

type AnyHttpServer = HttpServer | Http2SecureServer;

/** Mount on a Vite (dev or preview) HTTP server; origins follow the port it really got. */
function attach(
  httpServer: AnyHttpServer,
  https: boolean,
  options: PlaygroundServerOptions,
  log: (m: string) => void,
): PlaygroundMount {
  const env = options.env ?? process.env;
  const config = { ...parseRelayEnv(env, []), ...options.relay };
  const mount = mountPlayground({ relay: config, demoOptions: options.demoOptions, log });
  const explicitOrigins =
    Boolean(env.RELAY_ALLOWED_ORIGINS?.trim()) || options.relay?.allowedOrigins !== undefined;

  httpServer.on('listening', function viteServerOnListening() {
    if (explicitOrigins) return;
    const address = httpServer.address() as AddressInfo | null;
    if (!address) return;
    const scheme = https ? 'https' : 'http';
    config.allowedOrigins = [
      `${scheme}://localhost:${address.port}`,
      `${scheme}://127.0.0.1:${address.port}`,
    ];
  });
  httpServer.on(
    'upgrade',
    function viteServerOnUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      // Other paths (Vite's own HMR socket) are left alone.
      mount.handleUpgrade(req, socket, head);
    },
  );
  httpServer.on('close', () => void mount.close());
  return mount;
}

export function playgroundServer(options: PlaygroundServerOptions = {}): Plugin {
  let mount: PlaygroundMount | undefined;
  return {
    name: 'lua-playground-server',
    apply: 'serve',
    configureServer(server) {
      if (!server.httpServer) {
        server.config.logger.warn(
          'lua-playground-server: middleware mode has no HTTP server; relay and demo servers are off',
        );
        return;
      }
      const devMount = (mount = attach(
        server.httpServer,
        Boolean(server.config.server.https),
        options,
        (m) => server.config.logger.info(m),
      ));
      const root = server.config.root;
      server.middlewares.use(
        embedMiddleware({
          distDir: resolve(root, server.config.build.outDir),
          examplesDir: resolve(root, 'public', 'examples'),
          embedOrigins: parseEmbedOrigins((options.env ?? process.env).EMBED_ORIGINS),
          pageConfig: () => devMount.pageConfig,
          dev: true,
          embedScript: DEV_EMBED_LOADER,
          frameHtml: async () =>
            server.transformIndexHtml(
              '/embed/frame',
              await readFile(resolve(root, 'embed-frame.html'), 'utf8'),
            ),
        }),
      );
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        return mount ? injectPageConfig(html, mount.pageConfig) : html;
      },
    },
    configurePreviewServer(server) {
      const previewMount = attach(
        server.httpServer,
        Boolean(server.config.preview.https),
        options,
        (m) => server.config.logger.info(m),
      );
      const distDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(
        embedMiddleware({
          distDir,
          embedOrigins: parseEmbedOrigins((options.env ?? process.env).EMBED_ORIGINS),
          pageConfig: () => previewMount.pageConfig,
        }),
      );
      const indexFile = resolve(distDir, 'index.html');
      server.middlewares.use(function previewServeIndex(req, res, next) {
        const path = (req.url ?? '/').split('?')[0]!;
        // The app's own routes get index.html, with the config put in like npm start does.
        if (
          req.method !== 'GET' ||
          (path !== '/' && path !== '/index.html' && extname(path) !== '')
        )
          return next();
        readFile(indexFile, 'utf8').then(
          (html) => {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.end(injectPageConfig(html, previewMount.pageConfig));
          },
          () => next(),
        );
      });
    },
  };
}
