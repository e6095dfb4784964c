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
});
