import { describe, expect, it } from 'vitest';
import { splitLocations } from './locations.ts';

describe('script locations in console text', () => {
  it('finds each main.lua:N: of an error and its traceback', () => {
    const text = 'main.lua:12: boom\nstack traceback:\n\t[C]: in ?\n\tmain.lua:3: in main chunk';
    expect(splitLocations(text, 'main.lua')).toEqual([
      { text: 'main.lua:12:', line: 12, chunk: 'main.lua' },
      ' boom\nstack traceback:\n\t[C]: in ?\n\t',
      { text: 'main.lua:3:', line: 3, chunk: 'main.lua' },
      ' in main chunk',
    ]);
  });

  it('reads the [string "main.lua"] form and leaves other chunks as text', () => {
    expect(splitLocations('[string "main.lua"]:4: x', 'main.lua')).toEqual([
      { text: '[string "main.lua"]:4:', line: 4, chunk: 'main.lua' },
      ' x',
    ]);
    expect(splitLocations('lib/main.lua:4: x and prelude:2:', 'main.lua')).toEqual([
      'lib/main.lua:4: x and prelude:2:',
    ]);
  });

  it("finds each of a project's files, the longest name first", () => {
    const text = 'lib.lua:4:10: expected function\nsrc/main.lua:2: x; other.lua:1: y';
    expect(splitLocations(text, ['lib.lua', 'main.lua', 'src/main.lua'])).toEqual([
      { text: 'lib.lua:4:', line: 4, chunk: 'lib.lua' },
      '10: expected function\n',
      { text: 'src/main.lua:2:', line: 2, chunk: 'src/main.lua' },
      ' x; other.lua:1: y',
    ]);
    expect(splitLocations('lib.lua:4: x', [])).toEqual(['lib.lua:4: x']);
  });
});
