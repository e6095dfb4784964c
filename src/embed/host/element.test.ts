import { describe, expect, it } from 'vitest';
import { dedent } from './element.ts';
import { luminance } from './theme.ts';

describe('dedent', () => {
  it("removes the page's indentation, keeps the code's", () => {
    expect(dedent('\n    local x = 1\n    if x then\n      print(x)\n    end\n  ')).toBe(
      'local x = 1\nif x then\n  print(x)\nend',
    );
  });
});

describe('luminance', () => {
  it('tells a dark background from a light one and ignores transparent ones', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgb(24, 24, 24)')!).toBeLessThan(0.05);
    expect(luminance('rgba(0, 0, 0, 0)')).toBeNull();
    expect(luminance('transparent')).toBeNull();
  });
});
