import { describe, expect, it } from 'vitest';
import { parsePageConfig, resolveEndpoints, toWebSocketUrl } from './page-config.ts';

const http = { protocol: 'http:', host: '127.0.0.1:5173' };
const https = { protocol: 'https:', host: 'play.example.org' };

describe('page config', () => {
  it('resolves a relay path to ws:// on an http page and wss:// on an https page', () => {
    expect(toWebSocketUrl('/relay', http)).toBe('ws://127.0.0.1:5173/relay');
    expect(toWebSocketUrl('/relay', https)).toBe('wss://play.example.org/relay');
  });

  it('keeps absolute ws URLs and converts http(s) URLs', () => {
    expect(toWebSocketUrl('ws://10.0.0.1:9000/r', https)).toBe('ws://10.0.0.1:9000/r');
    expect(toWebSocketUrl('https://relay.example.org/r', http)).toBe('wss://relay.example.org/r');
  });

  it('maps demo hosts to absolute bases only when the toggle is on', () => {
    const config = parsePageConfig(
      JSON.stringify({
        relay: { url: '/relay', token: 't0k' },
        demoHosts: { 'api.example.com': '/demo/api/' },
      }),
    );
    expect(resolveEndpoints(config, http, true)).toEqual({
      relay: { url: 'ws://127.0.0.1:5173/relay', token: 't0k' },
      demoHosts: { 'api.example.com': 'ws://127.0.0.1:5173/demo/api' },
    });
    expect(resolveEndpoints(config, http, false).demoHosts).toEqual({});
  });

  it('gives the empty config for a missing or malformed element', () => {
    expect(parsePageConfig(null)).toEqual({ demoHosts: {} });
    expect(parsePageConfig('<!--playground-config-->')).toEqual({ demoHosts: {} });
    expect(parsePageConfig('{"relay":{"url":3}}')).toEqual({ demoHosts: {} });
  });
});
