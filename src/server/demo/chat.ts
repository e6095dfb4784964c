/**
 * Chat rooms for the original page's "real-time chat" example. The handshake needs
 * `Authorization: Bearer <token>` (any non-empty token), refused with 401 otherwise, which is
 * what a real service does and why the example needs the relay (browsers cannot set headers).
 *
 * Client -> server: {"type":"join","room":"r"}, {"type":"message","room":"r","text":"…"},
 *                   {"type":"leave","room":"r"}
 * Server -> client: {"type":"welcome","user":"guest-1"} on connect;
 *                   {"type":"joined","room","user","members"} to the one who joined;
 *                   {"type":"presence","room","user","event":"join"|"leave"} to the others;
 *                   {"type":"message","room","user","text","time"} to everyone in the room
 *                   (a bot greets each newcomer the same way); {"type":"error","message"}.
 */
import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';
import { demoWebSocketServer, parseObject, sendJson } from './demo-server.ts';
import type { DemoServer } from './demo-server.ts';

const BEARER = /^Bearer\s+\S+/i;
/** Rooms one client may be in at once, and the longest room name. */
export const MAX_ROOMS_PER_CLIENT = 32;
export const MAX_ROOM_NAME = 100;

export function hasBearer(req: IncomingMessage): boolean {
  return BEARER.test(req.headers.authorization ?? '');
}

export function createChatServer(): DemoServer {
  const rooms = new Map<string, Set<WebSocket>>();
  const names = new WeakMap<WebSocket, string>();
  /** The rooms each client is in: leaving on close walks these, not every room there is. */
  const joined = new WeakMap<WebSocket, Set<string>>();
  let guests = 0;

  const members = (room: string): Set<WebSocket> => {
    let set = rooms.get(room);
    if (!set) rooms.set(room, (set = new Set()));
    return set;
  };
  const broadcast = (room: string, value: unknown, except?: WebSocket): void => {
    for (const ws of rooms.get(room) ?? []) if (ws !== except) sendJson(ws, value);
  };

  function leave(ws: WebSocket, room: string): void {
    const set = rooms.get(room);
    if (!set?.delete(ws)) return;
    joined.get(ws)?.delete(room);
    if (set.size === 0) rooms.delete(room);
    broadcast(room, { type: 'presence', room, user: names.get(ws), event: 'leave' });
  }

  function chatOnConnection(ws: WebSocket): void {
    const user = `guest-${++guests}`;
    names.set(ws, user);
    joined.set(ws, new Set());
    sendJson(ws, {
      type: 'welcome',
      user,
      message: 'send {"type":"join","room":"..."} to join a room',
    });

    ws.on('message', function chatOnMessage(data: Buffer, isBinary: boolean) {
      const msg = parseObject(data, isBinary);
      const room =
        typeof msg?.room === 'string' || typeof msg?.room === 'number' ? String(msg.room) : '';
      if (!msg || !room)
        return sendJson(ws, {
          type: 'error',
          message: 'expected JSON like {"type":"join","room":"general"}',
        });
      if (room.length > MAX_ROOM_NAME)
        return sendJson(ws, {
          type: 'error',
          message: `room names are at most ${MAX_ROOM_NAME} characters`,
        });
      switch (msg.type) {
        case 'join': {
          const mine = joined.get(ws)!;
          if (!mine.has(room) && mine.size >= MAX_ROOMS_PER_CLIENT)
            return sendJson(ws, {
              type: 'error',
              message: `you are in ${MAX_ROOMS_PER_CLIENT} rooms already: leave one first`,
            });
          mine.add(room);
          const set = members(room);
          set.add(ws);
          sendJson(ws, { type: 'joined', room, user, members: set.size });
          broadcast(room, { type: 'presence', room, user, event: 'join' }, ws);
          sendJson(ws, {
            type: 'message',
            room,
            user: 'bot',
            text: `Welcome to ${room}, ${user}!`,
            time: new Date().toISOString(),
          });
          return;
        }
        case 'message':
          if (!rooms.get(room)?.has(ws))
            return sendJson(ws, { type: 'error', message: `join room ${room} first` });
          if (typeof msg.text !== 'string')
            return sendJson(ws, { type: 'error', message: '"text" must be a string' });
          broadcast(room, {
            type: 'message',
            room,
            user,
            text: msg.text,
            time: new Date().toISOString(),
          });
          return;
        case 'leave':
          return leave(ws, room);
        default:
          return sendJson(ws, {
            type: 'error',
            message: `unknown type ${JSON.stringify(msg.type)}`,
          });
      }
    });
    ws.on('close', function chatOnClose() {
      for (const room of [...(joined.get(ws) ?? [])]) leave(ws, room);
    });
  }

  return demoWebSocketServer(
    {
      perMessageDeflate: true,
      verifyClient(info, done) {
        if (hasBearer(info.req)) done(true);
        else done(false, 401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer realm="demo chat"' });
      },
    },
    chatOnConnection,
  );
}
