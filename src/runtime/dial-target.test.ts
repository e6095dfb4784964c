import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from './connect-options.ts';
import { dialTarget } from './dial-target.ts';

const options = { ...DEFAULT_OPTIONS, explicit: new Set<string>() };

describe('dialTarget (coder/websocket dial.go handshakeRequest)', () => {
  it('dials http and https as ws and wss, without the fragment', () => {
    const http = dialTarget('http://h:8080/p?q=1#frag', options);
    expect(http.ok && http.url.href).toBe('ws://h:8080/p?q=1');
    const https = dialTarget('HTTPS://h/', options);
    expect(https.ok && https.url.href).toBe('wss://h/');
  });

  it('refuses other schemes in the dialer words', () => {
    expect(dialTarget('ftp://h/', options)).toEqual({
      ok: false,
      error: 'failed to WebSocket dial: unexpected url scheme: "ftp"',
    });
    expect(dialTarget('//h/', options)).toMatchObject({ ok: false });
  });

  it('refuses headers Go will not send and subprotocols the WebSocket clients refuse', () => {
    const bad = (over: Partial<typeof options>) => dialTarget('ws://h/', { ...options, ...over });
    expect(bad({ headers: { 'a b': 'x' } })).toMatchObject({ ok: false });
    expect(bad({ headers: { A: 'x\ny' } })).toMatchObject({ ok: false });
    expect(bad({ protocols: ['a', 'a'] })).toMatchObject({ ok: false });
    expect(bad({ protocols: ['a b'] })).toMatchObject({ ok: false });
    expect(bad({ protocols: ['a', 'b'], headers: { 'X-A': '1' } })).toMatchObject({ ok: true });
  });
});
