import { describe, expect, it } from 'vitest';
import { splitLocations } from './locations.ts';

describe('script locations in console text', () => {
  it('finds each main.lua:N: of an error and its traceback', () => {
    const text = 'main.lua:12: boom\nstack traceback:\n\t[C]: in ?\n\tmain.lua:3: in main chunk';
    expect(splitLocations(text, 'main.lua')).toEqual([
      { text: 'main.lua:12:', line: 12 },
      ' boom\nstack traceback:\n\t[C]: in ?\n\t',
      { text: 'main.lua:3:', line: 3 },
      ' in main chunk',
    ]);
  });

  it('reads the [string "main.lua"] form and leaves other chunks as text', () => {
    expect(splitLocations('[string "main.lua"]:4: x', 'main.lua')).toEqual([
      { text: '[string "main.lua"]:4:', line: 4 },
      ' x',
    ]);
    expect(splitLocations('lib/main.lua:4: x and prelude:2:', 'main.lua')).toEqual([
      'lib/main.lua:4: x and prelude:2:',
    ]);
  });
});
