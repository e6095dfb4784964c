import { describe, expect, it } from 'vitest';
import { embedUrl, exampleUrl, readUrlState, shareUrl } from './url-state.ts';
import { encodeBase64Url } from './permalink.ts';

const at = (search: string, hash = '') => ({
  origin: 'http://127.0.0.1:5173',
  pathname: '/',
  search,
  hash,
});

describe('readUrlState', () => {
  it('reads example and embed', () => {
    expect(readUrlState(at('?example=basic-connect&embed=1'))).toEqual({
      example: 'basic-connect',
      embed: true,
      permalink: null,
      permalinkError: null,
    });
    expect(readUrlState(at('?embed=0')).embed).toBe(false);
    expect(readUrlState(at('')).embed).toBe(false);
  });

  it('ignores example names that could escape the examples folder', () => {
    expect(readUrlState(at('?example=../secret')).example).toBeNull();
  });

  it('prefers a permalink over an example', () => {
    const state = readUrlState(at('?example=chat', `#code=${encodeBase64Url('print(1)')}`));
    expect(state.permalink).toEqual({ code: 'print(1)' });
    expect(state.example).toBeNull();
  });

  it('reports a damaged permalink and falls back to the example', () => {
    const state = readUrlState(at('?example=chat', '#code=%%%'));
    expect(state.permalinkError).toMatch(/damaged/);
    expect(state.example).toBe('chat');
  });
});

describe('urls', () => {
  it('shares the code in the hash, keeping embed and dropping example', () => {
    const url = shareUrl(at('?example=chat&embed=1'), { code: 'x' });
    expect(url).toBe(`http://127.0.0.1:5173/?embed=1#code=${encodeBase64Url('x')}`);
    expect(readUrlState(new URL(url)).permalink).toEqual({ code: 'x' });
  });

  it('shares and embeds the dialect and type-check mode, read back from the url', () => {
    const link = { code: 'print(10/2)', dialect: 'lua53', typeCheck: 'off' } as const;
    for (const url of [shareUrl(at(''), link), embedUrl(at(''), link)]) {
      expect(url).toContain('&dialect=lua53&types=off');
      expect(readUrlState(new URL(url)).permalink).toEqual(link);
    }
  });

  it('builds example and embed urls', () => {
    expect(exampleUrl(at('?embed=1'), 'chat')).toBe('/?embed=1&example=chat');
    expect(embedUrl(at(''), { code: 'y' })).toBe(
      `http://127.0.0.1:5173/?embed=1#code=${encodeBase64Url('y')}`,
    );
  });
});
