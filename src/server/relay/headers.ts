/**
 * Server-side check of the handshake headers a page asks the relay to send upstream. The
 * runtime validates them too, but the relay trusts no page: a header the WebSocket protocol
 * owns (RFC 6455 section 4.1) would let a page break or smuggle the handshake, and CR/LF in a
 * value would let it inject headers (request splitting).
 */

/** Headers the relay itself (or the HTTP layer) sets. */
const OWNED = new Set([
  'host',
  'connection',
  'upgrade',
  'content-length',
  'transfer-encoding',
  'te',
  'trailer',
  'keep-alive',
  'proxy-connection',
]);

/** RFC 9110 section 5.6.2 `token`: what a header name may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** RFC 9110 section 5.5: visible ASCII, obs-text, space and tab; nothing else (no CR, LF, NUL). */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export const MAX_HEADERS = 64;
export const MAX_HEADER_BYTES = 16 * 1024;

/** Returns why the headers are refused, or null when they may be sent. */
export function validateUpstreamHeaders(headers: Record<string, string>): string | null {
  const names = Object.keys(headers);
  if (names.length > MAX_HEADERS)
    return `too many headers (${names.length}; at most ${MAX_HEADERS})`;
  let total = 0;
  const seen = new Set<string>();
  for (const name of names) {
    const value = headers[name] ?? '';
    if (!TOKEN.test(name)) return `invalid header name ${JSON.stringify(name).slice(0, 80)}`;
    const lower = name.toLowerCase();
    if (OWNED.has(lower) || lower.startsWith('sec-websocket-')) {
      return `header "${name}" is set by the WebSocket protocol and cannot be overridden`;
    }
    if (seen.has(lower)) return `header "${name}" is given twice`;
    seen.add(lower);
    if (/[\r\n\0]/.test(value)) return `header "${name}" must not contain CR, LF or NUL`;
    if (!FIELD_VALUE.test(value))
      return `header "${name}" contains a character not allowed in a header value`;
    total += name.length + value.length + 4;
    if (total > MAX_HEADER_BYTES) return `headers exceed ${MAX_HEADER_BYTES} bytes`;
  }
  return null;
}

/** A subprotocol is a token too (RFC 6455 section 4.1); no spaces or commas, not twice. */
export function validateSubprotocols(protocols: string[]): string | null {
  if (protocols.length > 32) return 'too many subprotocols (at most 32)';
  const seen = new Set<string>();
  for (const p of protocols) {
    if (!TOKEN.test(p)) return `invalid subprotocol ${JSON.stringify(p).slice(0, 80)}`;
    if (seen.has(p)) return `subprotocol "${p}" is offered twice`;
    seen.add(p);
  }
  return null;
}
