import { describe, expect, it } from 'vitest';
import { validateSubprotocols, validateUpstreamHeaders } from './headers.ts';

describe('validateUpstreamHeaders', () => {
  it('lets ordinary headers through', () => {
    expect(
      validateUpstreamHeaders({
        Authorization: 'Bearer x',
        'X-Trace-Id': 'abc',
        Cookie: 'a=b; c=d',
        Origin: 'https://a.com',
      }),
    ).toBeNull();
    expect(validateUpstreamHeaders({})).toBeNull();
  });

  it.each([
    'Host',
    'connection',
    'UPGRADE',
    'Content-Length',
    'Transfer-Encoding',
    'Sec-WebSocket-Key',
    'sec-websocket-protocol',
    'Sec-WebSocket-Extensions',
  ])('refuses the protocol-owned header %s', (name) => {
    expect(validateUpstreamHeaders({ [name]: 'x' })).toMatch(
      /set by the WebSocket protocol and cannot be overridden/,
    );
  });

  it.each(['a\rb', 'a\nb', 'a\r\nX-Injected: 1', 'nul\0'])(
    'refuses CR, LF and NUL in a value (%j)',
    (value) => {
      expect(validateUpstreamHeaders({ 'X-A': value })).toMatch(/must not contain CR, LF or NUL/);
    },
  );

  it.each(['', 'a b', 'a:b', 'ä', 'a\nb', '(x)'])('refuses the non-token name %j', (name) => {
    expect(validateUpstreamHeaders({ [name]: 'v' })).toMatch(/invalid header name/);
  });

  it('refuses control characters, the same header twice, and oversized sets', () => {
    expect(validateUpstreamHeaders({ 'X-A': 'bell\x07' })).toMatch(/not allowed in a header value/);
    expect(validateUpstreamHeaders({ 'X-A': 'emoji 😀' })).toMatch(/not allowed in a header value/);
    expect(validateUpstreamHeaders({ 'X-A': '1', 'x-a': '2' })).toMatch(/given twice/);
    expect(validateUpstreamHeaders({ 'X-Big': 'v'.repeat(20_000) })).toMatch(/exceed/);
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`X-${i}`, 'v']));
    expect(validateUpstreamHeaders(many)).toMatch(/too many headers/);
  });
});

describe('validateSubprotocols', () => {
  it('accepts tokens and refuses empty, spaced, comma and repeated ones', () => {
    expect(validateSubprotocols(['graphql-ws', 'graphql-transport-ws', 'v1.chat'])).toBeNull();
    expect(validateSubprotocols([''])).toMatch(/invalid subprotocol/);
    expect(validateSubprotocols(['a b'])).toMatch(/invalid subprotocol/);
    expect(validateSubprotocols(['a,b'])).toMatch(/invalid subprotocol/);
    expect(validateSubprotocols(['a', 'a'])).toMatch(/offered twice/);
  });
});
