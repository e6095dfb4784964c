/**
 * Refusing an HTTP upgrade before any WebSocket exists: a plain HTTP response on the raw
 * socket, then the socket is ended. Used by the relay (401/403) and the demo chat (401).
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

export function rejectUpgrade(
  socket: Duplex,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (socket.destroyed) return;
  const body = `${message}\n`;
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.on('error', ignoreSocketError);
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  // end() waits for the peer; a peer that never reads must not hold the socket open.
  setTimeout(() => socket.destroy(), 1000).unref();
}

/** The peer reset a socket we are done with: nothing to do, but it must not crash us. */
export function ignoreSocketError(): void {}
