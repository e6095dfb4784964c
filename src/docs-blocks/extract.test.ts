import { describe, expect, it } from 'vitest';
import { blockKey, extractLuaBlocks, firstLine } from './extract.ts';

const PAGE = [
  '# Title', //                       1
  '', //                              2
  '```lua', //                        3
  'local a = 1', //                   4
  '```', //                           5
  '```yaml', //                       6
  'a: 1', //                          7
  '```', //                           8
  '````markdown', //                  9
  '```lua', //                       10
  'not a block', //                  11
  '```', //                          12
  '````', //                         13
  '- a list item:', //               14
  '  ```lua', //                     15
  '  -- a comment', //               16
  '  print("indented")', //          17
  '  ```', //                        18
].join('\n');

describe('extractLuaBlocks', () => {
  const blocks = extractLuaBlocks('page', PAGE);

  it('numbers the lua blocks and gives the page line of their first line of code', () => {
    expect(blocks.map((b) => [blockKey(b), b.line])).toEqual([
      ['page#1', 4],
      ['page#2', 16],
    ]);
  });

  it('skips other fences whole, a ```lua inside a longer fence included', () => {
    expect(blocks.map((b) => b.code)).not.toContain('not a block');
  });

  it("takes off a list's indentation", () => {
    expect(blocks[1]!.code).toBe('-- a comment\nprint("indented")');
  });
});

describe('firstLine', () => {
  it('skips comments and blank lines when code follows', () => {
    expect(firstLine('\n-- why\nlocal x = 1')).toBe('local x = 1');
    expect(firstLine('-- only a comment')).toBe('-- only a comment');
  });
});
