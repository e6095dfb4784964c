import { describe, expect, it } from 'vitest';
import { RESPONSE_HEADER_BYTES, responseHeaders } from './response-headers.ts';

describe('handshake response headers for the session export', () => {
  it('keeps the names as spelled and joins repeated headers', () => {
    const res = { rawHeaders: ['Upgrade', 'websocket', 'Set-Cookie', 'a=1', 'Set-Cookie', 'b=2'] };
    expect(responseHeaders(res)).toEqual({ Upgrade: 'websocket', 'Set-Cookie': 'a=1, b=2' });
  });

  it(`keeps at most ${RESPONSE_HEADER_BYTES} bytes of them`, () => {
    const big = 'x'.repeat(RESPONSE_HEADER_BYTES);
    const res = { rawHeaders: ['Upgrade', 'websocket', 'Set-Cookie', big, 'Server', 'after'] };
    expect(responseHeaders(res)).toEqual({ Upgrade: 'websocket' });
  });
});
