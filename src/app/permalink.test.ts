import { describe, expect, it } from 'vitest';
import {
  buildPermalinkHash,
  decodeBase64Url,
  encodeBase64Url,
  readPermalinkHash,
} from './permalink.ts';

describe('base64url', () => {
  it('round-trips UTF-8 text, including non-ASCII and characters that need + and /', () => {
    for (const text of [
      'print("hi")',
      'こんにちは 🌍',
      '\u00ff\u00fe>>>???',
      '',
      'a'.repeat(100_000),
    ]) {
      const encoded = encodeBase64Url(text);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeBase64Url(encoded)).toBe(text);
    }
  });

  it('reads standard padded base64 too', () => {
    expect(decodeBase64Url(btoa('hello'))).toBe('hello');
  });

  it('rejects what is not base64 or not UTF-8', () => {
    expect(decodeBase64Url('!!!')).toBeNull();
    expect(decodeBase64Url('A')).toBeNull();
    expect(decodeBase64Url(encodeBase64Url('x').slice(0, 1))).toBeNull();
    expect(decodeBase64Url('_w')).toBeNull(); // 0xff alone is not UTF-8
  });
});

describe('permalink hash', () => {
  it('writes #code= and reads it back', () => {
    const hash = buildPermalinkHash({ code: 'print("ä")' });
    expect(hash.startsWith('#code=')).toBe(true);
    expect(readPermalinkHash(hash)).toEqual({ ok: true, link: { code: 'print("ä")' } });
  });

  it('carries a policy', () => {
    const policyJson = '{"version":1,"default":"deny","rules":[]}';
    const hash = buildPermalinkHash({ code: 'x()', policyJson });
    expect(hash).toContain('&policy=');
    expect(readPermalinkHash(hash)).toEqual({ ok: true, link: { code: 'x()', policyJson } });
  });

  it('reads explicit v=1 and the v0 bare form', () => {
    expect(readPermalinkHash(`#v=1&code=${encodeBase64Url('a')}`)).toEqual({
      ok: true,
      link: { code: 'a' },
    });
    expect(readPermalinkHash(`#${encodeBase64Url('print(1)')}`)).toEqual({
      ok: true,
      link: { code: 'print(1)' },
    });
  });

  it('refuses links from a newer version and damaged links with a reason', () => {
    expect(readPermalinkHash(`#v=9&code=${encodeBase64Url('a')}`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('newer'),
    });
    expect(readPermalinkHash('#code=@@@')).toMatchObject({
      ok: false,
      error: expect.stringContaining('damaged'),
    });
  });

  it('is null when the hash holds no permalink', () => {
    expect(readPermalinkHash('')).toBeNull();
    expect(readPermalinkHash('#')).toBeNull();
    expect(readPermalinkHash('#section=2')).toBeNull();
  });
});

describe('permalink dialect and type-check mode', () => {
  it('carries both and reads them back', () => {
    const hash = buildPermalinkHash({ code: 'print(1)', dialect: 'lua53', typeCheck: 'strict' });
    expect(hash).toContain('&dialect=lua53');
    expect(hash).toContain('&types=strict');
    expect(readPermalinkHash(hash)).toEqual({
      ok: true,
      link: { code: 'print(1)', dialect: 'lua53', typeCheck: 'strict' },
    });
  });

  it('reads a link without them as saying nothing (the page applies the defaults)', () => {
    const read = readPermalinkHash(`#code=${encodeBase64Url('x()')}`);
    expect(read).toEqual({ ok: true, link: { code: 'x()' } });
  });

  it('keeps the policy beside them, in any order of the parameters', () => {
    const policyJson = '{"version":1}';
    const hash = `#types=off&dialect=wippy&policy=${encodeBase64Url(policyJson)}&code=${encodeBase64Url('y')}`;
    expect(readPermalinkHash(hash)).toEqual({
      ok: true,
      link: { code: 'y', policyJson, dialect: 'wippy', typeCheck: 'off' },
    });
  });

  it('refuses a dialect or mode it does not have, naming the ones it has', () => {
    expect(readPermalinkHash(`#code=${encodeBase64Url('a')}&dialect=lua54`)).toEqual({
      ok: false,
      error: expect.stringContaining('"lua54"') as unknown,
    });
    expect(readPermalinkHash(`#code=${encodeBase64Url('a')}&dialect=lua54`)).toMatchObject({
      error: expect.stringContaining('wippy or lua53'),
    });
    expect(readPermalinkHash(`#code=${encodeBase64Url('a')}&types=loud`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('off, warn or strict'),
    });
  });
});
