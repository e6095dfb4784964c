/**
 * Close codes at the relay: sending the page's code upstream as faithfully as `ws` allows,
 * and turning an upstream protocol error into the code the page should see.
 */
import type WebSocket from 'ws';

/** Cut a string to at most `max` bytes of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, max: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  let end = max;
  // Back up over continuation bytes (10xxxxxx) to a character boundary.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

/**
 * Close `ws` with the page's code and reason. `code` undefined (or 1005, "no status") sends a
 * close frame without a code. `ws` refuses codes RFC 6455 section 7.4.2 reserves (1004-1006,
 * 1015-2999); those are sent as 1000 with the reason kept, since a close must still happen.
 */
export function safeClose(ws: WebSocket, code: number | undefined, reason: string): void {
  const text = truncateUtf8(reason, 123);
  try {
    if (code === undefined || code === 1005) ws.close();
    else ws.close(code, text);
  } catch {
    try {
      ws.close(1000, text);
    } catch {
      ws.terminate();
    }
  }
}

interface WsError extends Error {
  code?: string;
}

/**
 * The code and reason the page hears when the upstream breaks the protocol; ws closes the
 * upstream with the same code (RFC 6455 section 7.4.1). Null for errors that are not
 * protocol errors (the 'close' event then reports).
 */
export function closeCodeForError(
  err: WsError,
  readLimit: number,
): { code: number; reason: string } | null {
  switch (err.code) {
    case 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH':
      return { code: 1009, reason: `message larger than read_limit (${readLimit} bytes)` };
    case 'WS_ERR_INVALID_UTF8':
      return { code: 1007, reason: 'the server sent invalid UTF-8' };
    case 'WS_ERR_INVALID_CLOSE_CODE': {
      // ws refuses close codes outside the registered ranges; the page still gets the code
      // exactly as it arrived (browsers pass such codes on too).
      const arrived = /status code (\d+)/.exec(err.message);
      return arrived
        ? { code: Number(arrived[1]), reason: '' }
        : { code: 1002, reason: err.message };
    }
  }
  if (err.code?.startsWith('WS_ERR_'))
    return { code: 1002, reason: truncateUtf8(err.message, 123) };
  return null;
}
