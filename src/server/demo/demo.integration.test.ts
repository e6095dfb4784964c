import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDemoServers } from './index.ts';
import type { DemoServers } from './index.ts';
import {
  NodeWebSocket,
  closeAll,
  decode,
  listenHttp,
  recordEvents,
  startRelay,
  text,
  waitFor,
} from '../relay/testing.ts';
import { createRelayTransport } from '../../runtime/transport/relay.ts';

let demos: DemoServers;
let base: string;

beforeEach(async () => {
  demos = createDemoServers({
    stream: { intervalMs: 20, updates: 3 },
    graphql: { events: 3, intervalMs: 10 },
  });
  const http = await listenHttp((req, socket, head) => {
    if (!demos.handleUpgrade(req, socket, head)) socket.destroy();
  });
  base = `ws://127.0.0.1:${http.port}`;
});

afterEach(async () => {
  demos.close();
  await closeAll();
});

interface Client {
  ws: WebSocket;
  json: Record<string, unknown>[];
  closed: Promise<{ code: number; reason: string }>;
}

function client(
  path: string,
  protocols: string[] = [],
  headers: Record<string, string> = {},
): Promise<Client> {
  const ws = new WebSocket(base + path, protocols, { headers });
  const json: Record<string, unknown>[] = [];
  ws.on('message', (d: Buffer, isBinary) => {
    if (isBinary) return;
    try {
      json.push(JSON.parse(d.toString()) as Record<string, unknown>);
    } catch {
      // not JSON (the echo test reads raw messages itself)
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, r) => resolve({ code, reason: r.toString() })),
  );
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, json, closed }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

describe('echo demo', () => {
  it('echoes text and binary and accepts the first offered subprotocol', async () => {
    const c = await client('/demo/api/ws', ['graphql-ws', 'other']);
    expect(c.ws.protocol).toBe('graphql-ws');
    const got: { data: Buffer; isBinary: boolean }[] = [];
    c.ws.on('message', (data: Buffer, isBinary) => got.push({ data, isBinary }));
    c.ws.send('hi');
    c.ws.send(Buffer.from([0, 255]));
    await waitFor(() => got.length === 2);
    expect(got[0]).toEqual({ data: Buffer.from('hi'), isBinary: false });
    expect(got[1]).toEqual({ data: Buffer.from([0, 255]), isBinary: true });
    expect((await client('/demo/echo')).ws.protocol).toBe('');
  });
});

describe('chat demo', () => {
  it('rejects a handshake without a bearer token with 401', async () => {
    await expect(client('/demo/chat/ws')).rejects.toThrow('status 401');
    await expect(client('/demo/chat/ws', [], { Authorization: 'Bearer ' })).rejects.toThrow(
      'status 401',
    );
    await expect(client('/demo/chat/ws', [], { Authorization: 'Basic abc' })).rejects.toThrow(
      'status 401',
    );
  });

  it('welcomes, joins a room and broadcasts messages to everyone in it', async () => {
    const auth = { Authorization: 'Bearer t0ken' };
    const a = await client('/demo/chat/ws', [], auth);
    const b = await client('/demo/chat/ws', [], auth);
    await waitFor(() => a.json.length === 1 && b.json.length === 1);
    expect(a.json[0]).toMatchObject({ type: 'welcome' });
    a.ws.send(JSON.stringify({ type: 'join', room: 'lobby' }));
    await waitFor(() => a.json.length === 3);
    expect(a.json[1]).toMatchObject({ type: 'joined', room: 'lobby', members: 1 });
    expect(a.json[2]).toMatchObject({ type: 'message', user: 'bot' });
    b.ws.send(JSON.stringify({ type: 'join', room: 'lobby' }));
    await waitFor(() => a.json.length === 4);
    expect(a.json[3]).toMatchObject({ type: 'presence', event: 'join' });
    b.ws.send(JSON.stringify({ type: 'message', room: 'lobby', text: 'hello all' }));
    await waitFor(() => a.json.length === 5 && b.json.at(-1)?.text === 'hello all');
    expect(a.json[4]).toMatchObject({
      type: 'message',
      room: 'lobby',
      text: 'hello all',
      user: b.json[0]!.user,
    });
  });

  it('works through the relay with the Authorization header (the original example)', async () => {
    const relay = await startRelay();
    const rec = recordEvents();
    const conn = createRelayTransport(relay.endpoint, NodeWebSocket).connect(
      {
        url: `${base}/demo/chat/ws`,
        headers: { Authorization: 'Bearer abc' },
        protocols: [],
        dialTimeoutMs: 5000,
        compression: 0,
        compressionThreshold: 0,
        readLimit: 1 << 20,
      },
      rec.events,
    );
    await rec.opened.promise;
    conn.send(text(JSON.stringify({ type: 'join', room: 'r1' })), false);
    await waitFor(() => rec.messages.length >= 3);
    expect(JSON.parse(decode(rec.messages[1]!.data))).toMatchObject({ type: 'joined', room: 'r1' });
  });
});

describe('price stream demo', () => {
  it('streams each subscribed symbol a few times, then ends the stream', async () => {
    const c = await client('/demo/stream/prices');
    c.ws.send(JSON.stringify({ action: 'subscribe', symbols: ['BTC-USD', 'ETH-USD'] }));
    expect(await c.closed).toEqual({ code: 1000, reason: 'demo stream complete' });
    expect(c.json).toHaveLength(6);
    expect(c.json.filter((m) => m.symbol === 'BTC-USD')).toHaveLength(3);
    for (const m of c.json) expect(typeof m.value).toBe('number');
  });

  it('answers bad input with an error and keeps the connection', async () => {
    const c = await client('/demo/stream/prices');
    c.ws.send('{"action":"subscribe"}');
    await waitFor(() => c.json.length === 1);
    expect(c.json[0]!.error).toMatch(/expected/);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe('graphql demo', () => {
  it('speaks graphql-ws: ack, then data events of a subscription, then complete', async () => {
    const c = await client('/demo/api/graphql', ['graphql-ws']);
    expect(c.ws.protocol).toBe('graphql-ws');
    c.ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    c.ws.send(
      JSON.stringify({
        id: '1',
        type: 'start',
        payload: { query: 'subscription { priceUpdated { value } }' },
      }),
    );
    await waitFor(() => c.json.at(-1)?.type === 'complete');
    expect(c.json.map((m) => m.type)).toEqual([
      'connection_ack',
      'data',
      'data',
      'data',
      'complete',
    ]);
    expect(c.json[1]).toMatchObject({
      id: '1',
      payload: { data: { priceUpdated: { seq: 1, of: 3 } } },
    });
  });

  it('speaks graphql-transport-ws: next events, complete, ping/pong, and 4401 before init', async () => {
    const c = await client('/demo/api/graphql', ['graphql-transport-ws']);
    c.ws.send(JSON.stringify({ type: 'connection_init' }));
    c.ws.send(JSON.stringify({ type: 'ping' }));
    c.ws.send(
      JSON.stringify({ id: 'a', type: 'subscribe', payload: { query: 'subscription { ticks }' } }),
    );
    await waitFor(() => c.json.at(-1)?.type === 'complete');
    expect(c.json.map((m) => m.type)).toEqual([
      'connection_ack',
      'pong',
      'next',
      'next',
      'next',
      'complete',
    ]);

    const early = await client('/demo/api/graphql', ['graphql-transport-ws']);
    early.ws.send(JSON.stringify({ id: 'x', type: 'subscribe', payload: { query: '{ a }' } }));
    expect((await early.closed).code).toBe(4401);
  });

  it('answers a query once and closes 4406 without a GraphQL subprotocol', async () => {
    const c = await client('/demo/api/graphql', ['graphql-ws']);
    c.ws.send(JSON.stringify({ type: 'connection_init' }));
    c.ws.send(JSON.stringify({ id: 'q', type: 'start', payload: { query: '{ hello }' } }));
    await waitFor(() => c.json.at(-1)?.type === 'complete');
    expect(c.json[1]).toMatchObject({
      type: 'data',
      payload: { data: { hello: { message: expect.any(String) } } },
    });
    const none = await client('/demo/api/graphql');
    expect((await none.closed).code).toBe(4406);
  });
});
