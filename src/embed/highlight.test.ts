import { describe, expect, it } from 'vitest';
import { tokenizeLua } from './highlight.ts';

const kinds = (src: string) => tokenizeLua(src).filter((t) => t.kind !== 'other');

describe('tokenizeLua', () => {
  it('gives back the source exactly', () => {
    const src = `local t = {[1]="a\\"b", [[long\n]]} -- note\n--[==[ block\n]==] x = 0x1F + 3.5e2 - y`;
    expect(
      tokenizeLua(src)
        .map((t) => t.text)
        .join(''),
    ).toBe(src);
  });

  it('tells keywords, names, strings, numbers and comments apart', () => {
    expect(kinds('local x = "end" -- then\nreturn 42')).toEqual([
      { kind: 'keyword', text: 'local' },
      { kind: 'name', text: 'x' },
      { kind: 'string', text: '"end"' },
      { kind: 'comment', text: '-- then' },
      { kind: 'keyword', text: 'return' },
      { kind: 'number', text: '42' },
    ]);
  });

  it('reads long strings and comments to their matching level', () => {
    expect(kinds('s = [=[a]]b]=] --[[c\nd]] e')).toEqual([
      { kind: 'name', text: 's' },
      { kind: 'string', text: '[=[a]]b]=]' },
      { kind: 'comment', text: '--[[c\nd]]' },
      { kind: 'name', text: 'e' },
    ]);
  });

  it('survives unterminated strings and comments', () => {
    for (const src of ['"abc', "'x\n", '[[open', '--[==[ open'])
      expect(
        tokenizeLua(src)
          .map((t) => t.text)
          .join(''),
      ).toBe(src);
  });
});
