/**
 * The relay as a mountable upgrade handler (ws in noServer mode): the page's WebSocket
 * arrives at `config.path` on whatever HTTP server serves the playground (npm start, the Vite
 * dev server, or the standalone relay), is admitted (token, Origin), counted against the caps,
 * and becomes a RelaySession.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import type { RelayConfig } from './config.ts';
import { admit, requestPath } from './admission.ts';
import { RelaySession } from './session.ts';
import { ignoreSocketError, rejectUpgrade } from '../http-reject.ts';

export interface RelayStats {
  connections: number;
  /** Largest queue towards a page ever reached, in cost bytes (the backpressure bound). */
  maxPendingCost: number;
  /** Bytes the relay currently holds for all connections. */
  bufferedBytes: number;
}

export interface Relay {
  readonly config: RelayConfig;
  /** Handles the upgrade when it is for the relay's path; false when it is not (leave it). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  stats(): RelayStats;
  /** Close every connection (1001 both ways) and stop accepting. */
  close(): Promise<void>;
}

export interface RelayOptions {
  log?: (message: string) => void;
}

/** The client a connection is counted against: its address (all tabs of one browser share it). */
function clientKey(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function createRelay(config: RelayConfig, options: RelayOptions = {}): Relay {
  const log = options.log ?? (() => {});
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    // One kind byte more than the largest message.
    maxPayload: config.maxMessageBytes + 1,
  });
  wss.on('error', function relayServerOnError(err) {
    log(`relay: server error: ${err.message}`);
  });
  const sessions = new Set<RelaySession>();
  const perClient = new Map<string, number>();
  const keys = new WeakMap<RelaySession, string>();
  let maxPendingCost = 0;
  let closed = false;

  const hooks = {
    ended(session: RelaySession): void {
      sessions.delete(session);
      maxPendingCost = Math.max(maxPendingCost, session.sender?.maxPendingCost ?? 0);
      const key = keys.get(session);
      if (key !== undefined) {
        const left = (perClient.get(key) ?? 1) - 1;
        if (left <= 0) perClient.delete(key);
        else perClient.set(key, left);
      }
    },
    log,
  };

  function relayOnConnection(page: WebSocket, req: IncomingMessage): void {
    const key = clientKey(req);
    const session = new RelaySession(page, config, hooks);
    sessions.add(session);
    keys.set(session, key);
    const count = (perClient.get(key) ?? 0) + 1;
    perClient.set(key, count);
    if (closed) return session.refuse('relay is shutting down');
    if (count > config.maxConnectionsPerClient) {
      return session.refuse(
        `too many relay connections from this client (limit ${config.maxConnectionsPerClient})`,
      );
    }
    if (sessions.size > config.maxTotalConnections) {
      return session.refuse(`the relay is at its connection limit (${config.maxTotalConnections})`);
    }
  }

  return {
    config,
    handleUpgrade(req, socket, head) {
      if (requestPath(req).pathname !== config.path) return false;
      socket.on('error', ignoreSocketError);
      const admission = admit(req, config);
      if (!admission.ok) {
        log(`relay: refused ${req.socket.remoteAddress}: ${admission.message}`);
        rejectUpgrade(socket, admission.status, admission.message);
        return true;
      }
      try {
        wss.handleUpgrade(req, socket, head, (page) => relayOnConnection(page, req));
      } catch (err) {
        rejectUpgrade(socket, 400, `relay: ${(err as Error).message}`);
      }
      return true;
    },
    stats() {
      let pending = maxPendingCost;
      let buffered = 0;
      for (const s of sessions) {
        pending = Math.max(pending, s.sender?.maxPendingCost ?? 0);
        buffered += s.bufferedBytes;
      }
      return { connections: sessions.size, maxPendingCost: pending, bufferedBytes: buffered };
    },
    async close() {
      closed = true;
      for (const s of sessions) s.shutdown();
      const deadline = Date.now() + 2000;
      while (sessions.size > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      wss.close();
    },
  };
}
