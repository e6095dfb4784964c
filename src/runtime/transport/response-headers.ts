/**
 * The upstream's handshake response headers as the session export records them: names as the
 * server spelled them, repeated headers joined with ", ", and at most RESPONSE_HEADER_BYTES of
 * them (the relay sends them inside one control message; a server's huge Set-Cookie should
 * not make it too long). Works on Node's IncomingMessage without importing Node.
 */
export const RESPONSE_HEADER_BYTES = 8 * 1024;

export function responseHeaders(res: { rawHeaders: string[] }): Record<string, string> {
  const headers: Record<string, string> = {};
  let bytes = 0;
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i];
    const value = res.rawHeaders[i + 1];
    bytes += name.length + value.length + 4;
    if (bytes > RESPONSE_HEADER_BYTES) break;
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}
