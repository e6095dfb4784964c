/**
 * A GraphQL-over-WebSocket demo speaking both subprotocols in use:
 *
 *   graphql-ws (Apollo's legacy subscriptions-transport-ws):
 *     connection_init -> connection_ack; start {id,payload} -> data* -> complete; stop {id};
 *     connection_terminate closes.
 *   graphql-transport-ws (the `graphql-ws` library):
 *     connection_init -> connection_ack; subscribe {id,payload} -> next* -> complete;
 *     complete {id} stops; ping <-> pong; violations close with 4400/4401/4409/4429.
 *
 * There is no schema: an operation's first field names what it returns. A subscription emits
 * `events` results (default 3, every `intervalMs`, default 200) and completes; a query or
 * mutation returns one result. Query parameters override: ?events=n&interval=ms (interval at
 * least MIN_QUERY_INTERVAL_MS). At most MAX_SUBSCRIPTIONS run at once per socket.
 */
import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';
import { demoWebSocketServer, parseObject, queryInt, sendJson } from './demo-server.ts';
import type { DemoServer } from './demo-server.ts';

export const GRAPHQL_WS = 'graphql-ws';
export const GRAPHQL_TRANSPORT_WS = 'graphql-transport-ws';
/** Operations running at once on one socket. */
export const MAX_SUBSCRIPTIONS = 50;
/** The fastest tick a client may ask for (?interval=): any faster is a flood, not a demo. */
export const MIN_QUERY_INTERVAL_MS = 50;

export interface GraphqlOptions {
  events?: number;
  intervalMs?: number;
}

interface Operation {
  kind: 'query' | 'mutation' | 'subscription';
  field: string;
}

/** Enough of GraphQL to answer: the operation type and its first selected field. */
export function readOperation(payload: unknown): Operation | string {
  const query = (payload as { query?: unknown } | null)?.query;
  if (typeof query !== 'string' || !query.includes('{'))
    return 'payload.query must be a GraphQL document';
  const kind = /^\s*(query|mutation|subscription)\b/.exec(query)?.[1] ?? 'query';
  const field = /{\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(query)?.[1];
  if (!field) return 'the operation selects no field';
  return { kind: kind as Operation['kind'], field };
}

function result(op: Operation, seq: number, of: number): { data: Record<string, unknown> } {
  const value =
    op.kind === 'subscription'
      ? { seq, of, value: Math.round(Math.random() * 10_000) / 100, time: new Date().toISOString() }
      : {
          message: `hello from the demo GraphQL server (${op.kind})`,
          time: new Date().toISOString(),
        };
  return { data: { [op.field]: value } };
}

export function createGraphqlServer(options: GraphqlOptions = {}): DemoServer {
  return demoWebSocketServer(
    {
      handleProtocols: (offered) =>
        [...offered].find((p) => p === GRAPHQL_TRANSPORT_WS || p === GRAPHQL_WS) ?? false,
    },
    function graphqlOnConnection(ws: WebSocket, req: IncomingMessage) {
      const events = queryInt(req, 'events', options.events ?? 3, 1, 10_000);
      const intervalMs = queryInt(
        req,
        'interval',
        options.intervalMs ?? 200,
        MIN_QUERY_INTERVAL_MS,
        60_000,
      );
      const modern = ws.protocol === GRAPHQL_TRANSPORT_WS;
      if (ws.protocol !== GRAPHQL_WS && !modern) {
        ws.close(4406, 'Subprotocol not acceptable: offer graphql-ws or graphql-transport-ws');
        return;
      }
      const running = new Map<string, NodeJS.Timeout>();
      let acknowledged = false;

      const finish = (id: string): void => {
        clearInterval(running.get(id));
        running.delete(id);
        sendJson(ws, { id, type: 'complete' });
      };

      function start(id: string, payload: unknown): void {
        const op = readOperation(payload);
        if (typeof op === 'string') {
          sendJson(ws, {
            id,
            type: 'error',
            payload: modern ? [{ message: op }] : { message: op },
          });
          return;
        }
        const dataType = modern ? 'next' : 'data';
        if (op.kind !== 'subscription') {
          sendJson(ws, { id, type: dataType, payload: result(op, 1, 1) });
          return finish(id);
        }
        let sent = 0;
        const timer = setInterval(function graphqlOnTick() {
          sendJson(ws, { id, type: dataType, payload: result(op, ++sent, events) });
          if (sent >= events) finish(id);
        }, intervalMs);
        running.set(id, timer);
      }

      ws.on('message', function graphqlOnMessage(data: Buffer, isBinary: boolean) {
        const msg = parseObject(data, isBinary);
        const type = msg?.type;
        const id = typeof msg?.id === 'string' ? msg.id : undefined;
        if (!msg || typeof type !== 'string') {
          if (modern) return ws.close(4400, 'Invalid message');
          return sendJson(ws, {
            type: 'connection_error',
            payload: { message: 'messages must be JSON objects with a "type"' },
          });
        }
        switch (type) {
          case 'connection_init':
            if (acknowledged && modern) return ws.close(4429, 'Too many initialisation requests');
            acknowledged = true;
            return sendJson(ws, { type: 'connection_ack' });
          case 'ping':
            return modern ? sendJson(ws, { type: 'pong' }) : undefined;
          case 'pong':
            return;
          case 'start':
          case 'subscribe':
            if ((type === 'subscribe') !== modern || !id) break;
            if (!acknowledged) {
              if (modern) return ws.close(4401, 'Unauthorized');
              return sendJson(ws, {
                id,
                type: 'error',
                payload: { message: 'send connection_init first' },
              });
            }
            if (running.has(id)) {
              if (modern) return ws.close(4409, `Subscriber for ${id} already exists`);
              return sendJson(ws, {
                id,
                type: 'error',
                payload: { message: `operation ${id} is already running` },
              });
            }
            if (running.size >= MAX_SUBSCRIPTIONS) {
              const message = `too many operations running on this socket (limit ${MAX_SUBSCRIPTIONS})`;
              return sendJson(ws, {
                id,
                type: 'error',
                payload: modern ? [{ message }] : { message },
              });
            }
            return start(id, msg.payload);
          case 'stop':
          case 'complete':
            if (id && running.has(id)) {
              clearInterval(running.get(id));
              running.delete(id);
              // Legacy servers confirm a stop; in graphql-transport-ws the client's complete is final.
              if (!modern) sendJson(ws, { id, type: 'complete' });
            }
            return;
          case 'connection_terminate':
            return ws.close(1000, 'terminated');
        }
        if (modern) ws.close(4400, `Unexpected message type ${type}`);
        else
          sendJson(ws, {
            id,
            type: 'error',
            payload: { message: `unexpected message type ${type}` },
          });
      });
      ws.on('close', function graphqlOnClose() {
        for (const timer of running.values()) clearInterval(timer);
        running.clear();
      });
    },
  );
}
