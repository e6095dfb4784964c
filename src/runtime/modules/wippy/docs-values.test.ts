/**
 * Every stated result (`expr -- value`) in the platform's documentation pages for the modules
 * the playground has (time, json, errors, channel, base: wippyai/docs `en/lua/...`) agrees
 * with what a wippy run computes. The pages are read at run time from the mirror of the docs
 * repository (never copied here); without it the test is skipped, saying so.
 *
 * Each check runs the lines of its block up to the commented line, then shows the value the
 * comment states: strings quoted, numbers as go-lua writes them, tables as `{…}`. Values are
 * compared, not what `print` shows: on the platform `print(user.active) -- true` (json.md)
 * prints an empty line, as a boolean prints as '' (platform-lua.md, row print(true)).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wippy } from './run-wippy.ts';

const DOCS = '/work/.mirror/wippyai+docs/repo';
const PAGES = [
  'en/lua/core/time.md',
  'en/lua/data/json.md',
  'en/lua/core/errors.md',
  'en/lua/core/channel.md',
  'en/lua/core/base.md',
];

/**
 * Stated values that are examples, not results, or where the docs are wrong about the
 * platform itself (each with the reason; the check asserts they still differ).
 */
const NOT_RESULTS: Record<string, string> = {
  'en/lua/core/time.md:29': 'an example of time.now(), which is the current time',
  'en/lua/core/time.md:172': 'an example of time.now()',
  'en/lua/core/time.md:173': 'an example of time.now()',
  'en/lua/core/time.md:174': 'an example of time.now()',
  'en/lua/core/time.md:175': 'an example of time.now()',
  'en/lua/core/base.md:250': 'the list of values coroutine.status can return',
};
const DOCS_WRONG: Record<string, string> = {
  'en/lua/data/json.md:108':
    'the kind is "Internal" on the platform (go-lua error.go), as the playground says',
};

/** A literal result: a quoted string, a number, a boolean, a table, or a list of them. */
const VALUE =
  /^(?:"[^"]*"|-?\d+(?:\.\d+)?|true|false|\{[^}]*\})(?:, (?:returns )?(?:"[^"]*"|-?\d+(?:\.\d+)?|true|false))*$/;

interface Check {
  id: string;
  code: string;
  expected: string;
}

const SHOW = `
local function __quote(v)
  if type(v) == "string" then return '"' .. v .. '"' end
  if type(v) == "table" then
    local parts = {}
    for i = 1, #v do parts[i] = __quote(v[i]) end
    return "{" .. table.concat(parts, ", ") .. "}"
  end
  return tostring(v)
end
local function __show(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = __quote((select(i, ...))) end
  print("@@ " .. table.concat(parts, ", "))
end
`;

/** The code that shows what one commented line computes. */
function showLine(statement: string, expected: string): string | null {
  const printed = /^print\((.*)\)$/.exec(statement);
  if (printed) return `__show(${printed[1]})`;
  const local = /^local ([\w, ]+?) = (.*)$/.exec(statement);
  if (local) return `${statement}\n__show(${local[1]})`;
  const mutation = /^(table\.\w+)\((\w+)(.*)\)$/.exec(statement);
  if (mutation && expected.startsWith('{')) {
    const returns = expected.includes(', returns ');
    return returns
      ? `local __r = ${statement}\nprint("@@ " .. __quote(${mutation[2]}) .. ", returns " .. __quote(__r))`
      : `${statement}\n__show(${mutation[2]})`;
  }
  if (/^[\w.:]+\(.*\)$/.test(statement)) return `__show(${statement})`;
  return null;
}

function checksOf(page: string, text: string): Check[] {
  const checks: Check[] = [];
  const lines = text.split('\n');
  let block: string[] | null = null;
  lines.forEach((line, index) => {
    if (block === null) {
      if (line.trim() === '```lua') block = [];
      return;
    }
    if (line.trim() === '```') {
      block = null;
      return;
    }
    const comment = /^(\s*)(.*?)\s+-- (.+)$/.exec(line);
    if (comment && VALUE.test(comment[3].trim())) {
      const show = showLine(comment[2].trim(), comment[3].trim());
      if (show) {
        checks.push({
          id: `${page}:${index + 1}`,
          code: `${SHOW}\n${block.join('\n')}\n${show}`,
          expected: comment[3].trim(),
        });
      }
    }
    block.push(line);
  });
  return checks;
}

const present = existsSync(DOCS);
const checks = present
  ? PAGES.flatMap((page) =>
      checksOf(
        page,
        execFileSync('git', ['-C', DOCS, 'show', `HEAD:${page}`], { encoding: 'utf8' }),
      ),
    )
  : [];

describe.skipIf(!present)(`stated results of the platform docs (${DOCS})`, () => {
  it('finds the stated results', () => {
    expect(checks.length).toBeGreaterThan(20);
  });

  it.each(checks.filter((c) => !(c.id in NOT_RESULTS)))('$id says $expected', async (check) => {
    const r = await wippy(check.code);
    const shown = r.lines.filter((l) => l.startsWith('@@ ')).map((l) => l.slice(3));
    const why = r.end.status === 'error' ? r.end.failure.message : '';
    if (check.id in DOCS_WRONG) {
      expect(shown[0], DOCS_WRONG[check.id]).not.toBe(check.expected);
      return;
    }
    expect(shown, why).toEqual([check.expected]);
  });
});

describe.skipIf(present)('stated results of the platform docs', () => {
  it(`is skipped: the docs mirror ${DOCS} is absent`, () => {});
});
