/**
 * The code blocks of the platform's type-system page (`en/lua/types.md` in wippyai/docs, read
 * from the mirror; skipped without it): every block parses, and the ones that print run under
 * the wippy dialect with the outputs in their comments. The comments state values: the
 * platform's print writes a boolean or a type value as '' (issue 18), so the blocks run with a
 * `print` that shows each value through `tostring`, as lib's docs-values test compares them.
 * Blocks that use a type declared in an earlier block get that declaration as a prelude. `-- ERROR` lines are the checker's business
 * (branch `check`); blocks that call undefined helpers (`get_user()`) are illustrations.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from './parser.ts';
import { runLua } from '../runtime/run-for-test.ts';

const MIRROR = '/work/.mirror/wippyai+docs/repo';
const present = existsSync(MIRROR);

function blocks(): string[] {
  const page = execFileSync('git', ['-C', MIRROR, 'show', 'HEAD:en/lua/types.md']).toString();
  return [...page.matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** Blocks that print, found by a line they contain; outputs compared word by word. */
const RUNNABLE: { contains: string; prelude?: string; output: string[] }[] = [
  {
    contains: 'print(Number:kind())',
    prelude: 'type Point = {x: number, y: number}',
    output: ['number', 'record', 'Point'],
  },
  { contains: 'for name, typ in User:fields()', output: ['name string', 'age number'] },
  { contains: 'local arrType = typeof(arr)', output: ['number', 'string', 'number'] },
  { contains: 'local optType = typeof(opt)', output: ['optional', 'number'] },
  { contains: 'for param in fnType:params()', output: ['number', 'string', 'boolean'] },
  { contains: 'print(Number == Number)', output: ['true', 'true', 'true'] },
  { contains: 'for variant in Status:variants()', output: ['"pending"', '"active"', '"done"'] },
];

const words = (line: string) => line.trim().split(/\s+/).join(' ');

/** A `print` of values on the block's first line (so its line numbers stay the page's). */
const PRINT_VALUES =
  'local print = function(...) local shown = {} ' +
  "for i = 1, select('#', ...) do shown[i] = tostring((select(i, ...))) end " +
  "print(table.concat(shown, ' ')) end; ";

describe.skipIf(!present)(
  `en/lua/types.md${present ? '' : ` (skipped: no mirror at ${MIRROR})`}`,
  () => {
    it('parses every block but the one that shows a bare expression as a statement', () => {
      const failing = blocks()
        .map((code) => ({ code, errors: parse(code).errors }))
        .filter((b) => b.errors.length > 0);
      // `u.foo` alone on a line is not a statement, in Lua and on the platform alike.
      expect(failing.map((b) => b.errors[0].message)).toEqual(["syntax error near 'local'"]);
      expect(failing[0].code).toContain('u.foo');
    });

    it.each(RUNNABLE)('runs the block with $contains', async ({ contains, prelude, output }) => {
      const code = blocks().find((b) => b.includes(contains));
      expect(code, `no block contains ${contains}`).toBeDefined();
      const source = PRINT_VALUES + (prelude ? `${prelude}; ${code}` : code!);
      const result = await runLua(source, { dialect: 'wippy', stopAfterMs: 10_000 }).done;
      expect(result.end.status).toBe('finished');
      expect(result.lines.map(words)).toEqual(output);
    });
  },
);
