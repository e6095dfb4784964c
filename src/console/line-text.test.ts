import { describe, expect, it } from 'vitest';
import { linePrefix, lineText } from './line-text.ts';

describe('console line text', () => {
  it('shows printed text as it was printed', () => {
    expect(lineText({ stream: 'stdout', text: '  a\tb' })).toBe('  a\tb');
    expect(lineText({ stream: 'stderr', text: 'boom', line: 3 })).toBe('boom');
  });

  it("prefixes a warning with the script's line when known", () => {
    expect(lineText({ stream: 'warn', text: 'option ignored', line: 12 })).toBe(
      'warning (line 12): option ignored',
    );
    expect(linePrefix({ stream: 'warn' })).toBe('warning: ');
  });

  it("names a project file's warning as an error names its location", () => {
    expect(
      lineText({ stream: 'warn', text: 'option ignored', line: 4, chunk: 'src/lib.lua' }),
    ).toBe('warning: src/lib.lua:4: option ignored');
    // No line, no location: the file alone would point nowhere.
    expect(linePrefix({ stream: 'warn', chunk: 'src/lib.lua' })).toBe('warning: ');
  });
});
