/**
 * The relay as a mountable upgrade handler (ws in noServer mode): the page's WebSocket
 * arrives at `config.path` on whatever HTTP server serves the playground (npm start, the Vite
 * dev server, or the standalone relay), is admitted (token, Origin), checked against the caps
 * and the memory budget, and becomes a RelaySession.
 *
 * Refusals cost nothing: a connection over a cap is never counted (neither per client nor in
 * the total), so a client that opens thousands and never answers a close frame holds no slot
 * of anyone else's. It is still upgraded, so that the page can be told why in words (a
 * browser shows a script nothing of an HTTP refusal), then cut off after REFUSED_GRACE_MS;
 * past MAX_REFUSING_PER_CLIENT such sockets from one address, refusals are a plain HTTP 429.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';
import { RELAY_SUBPROTOCOL } from '../../shared/relay-protocol.ts';
import type { RelayConfig } from './config.ts';
import { admit, requestPath } from './admission.ts';
import { clientKey } from './client-key.ts';
import { logValue } from './log-text.ts';
import { MemoryBudget, SessionMemory } from './memory-budget.ts';
import { RelaySession } from './session.ts';
import { ignoreSocketError, rejectUpgrade } from '../http-reject.ts';

/** A refused socket gets this long to read its `failed` message and close frame. */
const REFUSED_GRACE_MS = 1_000;
/** Refused sockets still in their grace per address; past this, refusals are HTTP 429. */
const MAX_REFUSING_PER_CLIENT = 32;

export interface RelayStats {
  connections: number;
  /** Largest queue towards a page ever reached, in cost bytes (the backpressure bound). */
  maxPendingCost: number;
  /** Most ever held for one upstream, in cost bytes (UpstreamWriter; the other bound). */
  maxUpstreamCost: number;
  /** Bytes the relay currently holds for all connections (charged to the memory budget). */
  bufferedBytes: number;
  /** The most the relay ever held at once for all connections. */
  peakBufferedBytes: number;
  /** Connections refused by a cap or the budget since start (never counted as sessions). */
  refused: number;
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

/** A counter per key that forgets keys at zero. */
class Counts {
  private readonly map = new Map<string, number>();
  get(key: string): number {
    return this.map.get(key) ?? 0;
  }
  add(key: string, n: number): void {
    const value = this.get(key) + n;
    if (value <= 0) this.map.delete(key);
    else this.map.set(key, value);
  }
}

export function createRelay(config: RelayConfig, options: RelayOptions = {}): Relay {
  const log = options.log ?? (() => {});
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    // One kind byte more than the largest message.
    maxPayload: config.maxMessageBytes + 1,
    // The page offers the relay's subprotocol beside its token; answer with it (a browser
    // fails a handshake whose answer names none of the offered protocols).
    handleProtocols: (offered) => (offered.has(RELAY_SUBPROTOCOL) ? RELAY_SUBPROTOCOL : false),
  });
  wss.on('error', function relayServerOnError(err) {
    log(`relay: server error: ${logValue(err.message)}`);
  });
  const budget = new MemoryBudget(config.maxMemoryBytes);
  const sessions = new Set<RelaySession>();
  const perClient = new Counts();
  const refusing = new Counts();
  const keys = new WeakMap<RelaySession, string>();
  let maxPendingCost = 0;
  let maxUpstreamCost = 0;
  let refused = 0;
  let closed = false;

  const hooks = {
    ended(session: RelaySession): void {
      if (!sessions.delete(session)) return;
      maxPendingCost = Math.max(maxPendingCost, session.sender?.maxPendingCost ?? 0);
      maxUpstreamCost = Math.max(maxUpstreamCost, session.writer?.maxHeldCost ?? 0);
      const key = keys.get(session);
      if (key !== undefined) perClient.add(key, -1);
    },
    log,
  };

  /** Why this connection may not become a session now, or null. */
  function capacityProblem(key: string): string | null {
    if (closed) return 'relay is shutting down';
    if (perClient.get(key) >= config.maxConnectionsPerClient)
      return `too many relay connections from this client (limit ${config.maxConnectionsPerClient})`;
    if (sessions.size >= config.maxTotalConnections)
      return `the relay is at its connection limit (${config.maxTotalConnections})`;
    // A new session must have room for at least one message of the largest size.
    if (budget.usedBytes + config.maxMessageBytes > budget.limit)
      return `the relay is at its memory limit (${config.maxMemoryBytes} bytes held for connections that are not reading); try again later`;
    return null;
  }

  function refuse(page: WebSocket, key: string, message: string): void {
    refused++;
    refusing.add(key, 1);
    page.on('error', ignoreSocketError);
    page.once('close', () => refusing.add(key, -1));
    page.send(JSON.stringify({ type: 'failed', message }));
    page.close(1008, 'refused');
    setTimeout(() => page.terminate(), REFUSED_GRACE_MS).unref();
  }

  function relayOnConnection(page: WebSocket, key: string): void {
    // Checked again: the upgrade completes synchronously today, but nothing may be counted
    // past a cap even if that changes.
    const problem = capacityProblem(key);
    if (problem) return refuse(page, key, problem);
    const session = new RelaySession(page, config, hooks, new SessionMemory(budget));
    sessions.add(session);
    keys.set(session, key);
    perClient.add(key, 1);
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
      const key = clientKey(req.socket.remoteAddress);
      if (capacityProblem(key) && refusing.get(key) >= MAX_REFUSING_PER_CLIENT) {
        refused++;
        rejectUpgrade(socket, 429, 'relay: too many refused connections from this client');
        return true;
      }
      try {
        wss.handleUpgrade(req, socket, head, (page) => relayOnConnection(page, key));
      } catch (err) {
        rejectUpgrade(socket, 400, `relay: ${(err as Error).message}`);
      }
      return true;
    },
    stats() {
      let pending = maxPendingCost;
      let upstream = maxUpstreamCost;
      for (const s of sessions) {
        pending = Math.max(pending, s.sender?.maxPendingCost ?? 0);
        upstream = Math.max(upstream, s.writer?.maxHeldCost ?? 0);
      }
      return {
        connections: sessions.size,
        maxPendingCost: pending,
        maxUpstreamCost: upstream,
        bufferedBytes: budget.usedBytes,
        peakBufferedBytes: budget.peakBytes,
        refused,
      };
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
