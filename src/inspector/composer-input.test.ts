import { describe, expect, it } from 'vitest';
import { composerPayload } from './composer-input.ts';

const bytes = (p: ReturnType<typeof composerPayload>) => (p.ok ? [...p.data] : p.error);

describe('composerPayload', () => {
  it('sends text as UTF-8', () => {
    const p = composerPayload('text', 'hé');
    expect(p.ok && p.kind).toBe('text');
    expect(bytes(p)).toEqual([0x68, 0xc3, 0xa9]);
  });

  it('validates JSON and sends it as typed', () => {
    const p = composerPayload('json', '{ "a": 1 }');
    expect(p.ok && new TextDecoder().decode(p.data)).toBe('{ "a": 1 }');
    const bad = composerPayload('json', '{ "a": }');
    expect(bad.ok).toBe(false);
    expect(bytes(bad)).toMatch(/^not valid JSON: /);
  });

  it('reads hex with spaces, colons or a 0x prefix', () => {
    expect(bytes(composerPayload('hex', '01 ff 7A'))).toEqual([1, 255, 122]);
    expect(bytes(composerPayload('hex', '0x01:ff'))).toEqual([1, 255]);
    expect(bytes(composerPayload('hex', ''))).toEqual([]);
    expect(composerPayload('hex', '01 f').ok).toBe(false);
    expect(bytes(composerPayload('hex', '0g'))).toMatch(/"g" is not a hex digit/);
  });

  it('reads base64, standard or URL-safe, with or without padding', () => {
    expect(bytes(composerPayload('base64', 'AP8='))).toEqual([0, 255]);
    expect(bytes(composerPayload('base64', 'AP8'))).toEqual([0, 255]);
    expect(bytes(composerPayload('base64', '-_8'))).toEqual([251, 255]);
    const p = composerPayload('base64', 'AP8=');
    expect(p.ok && p.kind).toBe('binary');
    expect(composerPayload('base64', 'A').ok).toBe(false);
    expect(composerPayload('base64', 'a$b=').ok).toBe(false);
  });
});
