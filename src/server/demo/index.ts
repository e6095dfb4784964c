/**
 * The demo servers under /demo on the serving origin, and the demo-host mapping the page
 * config carries (src/shared/page-config.ts): the runtime sends `wss://chat.example.com/ws`
 * to `<page origin as ws>/demo/chat/ws`, so the original page's examples run verbatim.
 *
 *   /demo/api/graphql…  graphql-ws / graphql-transport-ws      (graphql.ts)
 *   /demo/api…          echo                                   (echo.ts)
 *   /demo/echo…         echo
 *   /demo/chat…         chat rooms, Authorization: Bearer      (chat.ts)
 *   /demo/stream…       price stream                           (price-stream.ts)
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createChatServer } from './chat.ts';
import { createEchoServer } from './echo.ts';
import { createGraphqlServer } from './graphql.ts';
import type { GraphqlOptions } from './graphql.ts';
import { createPriceStreamServer } from './price-stream.ts';
import type { PriceStreamOptions } from './price-stream.ts';
import type { DemoServer } from './demo-server.ts';
import { rejectUpgrade } from '../http-reject.ts';

/** Example host as written -> demo base path (a path on the serving origin). */
export const DEMO_HOSTS: Record<string, string> = {
  'api.example.com': '/demo/api',
  'chat.example.com': '/demo/chat',
  'stream.example.com': '/demo/stream',
};

export interface DemoOptions {
  stream?: PriceStreamOptions;
  graphql?: GraphqlOptions;
  /**
   * [every Origin] Which browser origins may open a demo socket; mountPlayground passes the
   * relay's allowed origins. A request without Origin (a non-browser client, or the relay)
   * is always let in: it could send any Origin it liked anyway. The point is that another
   * website open in the same browser cannot use the demos of this process.
   */
  originAllowed?: (origin: string) => boolean;
}

export interface DemoServers {
  /** Handles the upgrade when its path is a demo path; false otherwise (leave it). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Connections each demo server accepted, served as GET /demo/stats. */
  stats(): Record<'echo' | 'chat' | 'stream' | 'graphql', { connections: number }>;
  close(): void;
}

const under = (pathname: string, prefix: string): boolean =>
  pathname === prefix || pathname.startsWith(`${prefix}/`);

export function createDemoServers(options: DemoOptions = {}): DemoServers {
  const servers = {
    echo: createEchoServer(),
    chat: createChatServer(),
    stream: createPriceStreamServer(options.stream),
    graphql: createGraphqlServer(options.graphql),
  };
  const routes: [string, DemoServer][] = [
    // Longest prefix first: /demo/api/graphql before /demo/api.
    ['/demo/api/graphql', servers.graphql],
    ['/demo/api', servers.echo],
    ['/demo/echo', servers.echo],
    ['/demo/chat', servers.chat],
    ['/demo/stream', servers.stream],
  ];
  return {
    stats() {
      const count = (server: DemoServer) => ({ connections: server.connections() });
      return {
        echo: count(servers.echo),
        chat: count(servers.chat),
        stream: count(servers.stream),
        graphql: count(servers.graphql),
      };
    },
    handleUpgrade(req, socket, head) {
      let pathname: string;
      try {
        pathname = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
      } catch {
        return false;
      }
      const route = routes.find(([prefix]) => under(pathname, prefix));
      if (!route) return false;
      socket.on('error', () => {});
      const origin = req.headers.origin;
      if (origin !== undefined && options.originAllowed && !options.originAllowed(origin)) {
        rejectUpgrade(socket, 403, 'demo server: this origin may not connect');
        return true;
      }
      route[1].handleUpgrade(req, socket, head);
      return true;
    },
    close() {
      for (const server of new Set(routes.map(([, s]) => s))) server.close();
    },
  };
}
