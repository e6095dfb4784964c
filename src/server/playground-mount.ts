/**
 * The server side of the playground in one piece, for any Node HTTP server: the relay at
 * /relay, the demo servers under /demo, and the page config that tells the page about both.
 * npm start (start.ts), the Vite dev server (vite-plugin.ts) and the standalone relay
 * (relay-main.ts) all mount it, so the three behave alike.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { PageConfig } from '../shared/page-config.ts';
import type { RelayConfig } from './relay/config.ts';
import { createRelay } from './relay/relay-server.ts';
import { originAllowed } from './relay/admission.ts';
import type { Relay } from './relay/relay-server.ts';
import { DEMO_HOSTS, createDemoServers } from './demo/index.ts';
import type { DemoOptions, DemoServers } from './demo/index.ts';
import { rejectUpgrade } from './http-reject.ts';

export interface PlaygroundMount {
  relay: Relay;
  demos?: DemoServers;
  /** What the served page must be told (inject with page-config-html.ts). */
  pageConfig: PageConfig;
  /** Handles relay and demo upgrades; false for any other path (e.g. Vite's HMR socket). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

export interface MountOptions {
  relay: RelayConfig;
  /** [true] Serve the demo servers and put the demo-host mapping into the page config. */
  demos?: boolean;
  demoOptions?: DemoOptions;
  log?: (message: string) => void;
}

export function mountPlayground(options: MountOptions): PlaygroundMount {
  const relay = createRelay(options.relay, { log: options.log });
  // The demos take the relay's origins, read at each upgrade: the Vite plugin fills them in
  // once it knows its port.
  const demos =
    options.demos === false
      ? undefined
      : createDemoServers({
          originAllowed: (origin) => originAllowed(origin, options.relay),
          ...options.demoOptions,
        });
  return {
    relay,
    demos,
    pageConfig: {
      relay: { url: options.relay.path, token: options.relay.token },
      demoHosts: demos ? { ...DEMO_HOSTS } : {},
    },
    handleUpgrade(req, socket, head) {
      try {
        return (
          relay.handleUpgrade(req, socket, head) ||
          (demos?.handleUpgrade(req, socket, head) ?? false)
        );
      } catch (err) {
        // Nothing a client sends may take the server down.
        options.log?.(`upgrade failed: ${(err as Error).message}`);
        rejectUpgrade(socket, 400, 'bad upgrade request');
        return true;
      }
    },
    async close() {
      demos?.close();
      await relay.close();
    },
  };
}

/** Attach to a server as its 'upgrade' listener, refusing unknown paths with 404. */
export function upgradeOrNotFound(mount: PlaygroundMount) {
  return function serverOnUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!mount.handleUpgrade(req, socket, head))
      rejectUpgrade(socket, 404, 'no WebSocket endpoint here');
  };
}
