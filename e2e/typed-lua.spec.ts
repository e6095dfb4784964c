/**
 * Typed Lua in the page (issue 17): a representative set of the runtime's own type-system tests
 * (`tests/app/src/test/types` in wippyai/runtime, read from the mirror; skipped without it)
 * runs in the page under the default dialect and passes as the platform's test runner counts
 * it, and a syntax error in typed code fails the run at the user's line. Each test file runs
 * whole, with the assertion library it imports as the global `assert2`: the platform's
 * `require(name)` returns the global of that name (its `package` has no `preload`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test, expect } from './fixtures.ts';

const MIRROR = '/work/.mirror/wippyai+runtime/repo';

const TESTS = [
  'runtime_is',
  'runtime_is_typeof',
  'runtime_is_generics',
  'runtime_is_collections',
  'runtime_is_literals',
  'type_cast',
  'generic_functions',
  'record_types',
];

function show(path: string): string {
  return execFileSync('git', ['-C', MIRROR, 'show', `HEAD:tests/app/src/${path}`]).toString();
}

/** The test file as one page script: its import preloaded, its main called as the runner does. */
function pageScript(name: string): string {
  return [
    `assert2 = (function() ${show('lib/assert.lua')}\nend)()`,
    `local entry = (function() ${show(`test/types/${name}.lua`)}\nend)()`,
    'local result, err = entry.main()',
    'if result == false or err ~= nil then error("failed: " .. tostring(err)) end',
    'print("PASS")',
  ].join('\n');
}

test.describe('typed Lua in the page', () => {
  test.skip(!existsSync(MIRROR), `no mirror of wippyai/runtime at ${MIRROR}`);

  for (const name of TESTS) {
    test(`the runtime's ${name} test passes`, async ({ playground }) => {
      await playground.open({ code: pageScript(name) });
      await expect(playground.page.getByTestId('settings.dialect')).toHaveValue('wippy');
      await playground.runAndWait();
      await expect(playground.output.locator('[data-stream="stdout"]').last()).toHaveText('PASS');
    });
  }

  test('a syntax error in typed code fails the run at its line', async ({ playground }) => {
    await playground.open({
      code: 'local x: number = 1\nlocal function f(a: string): number\n  return #a\n',
    });
    await playground.runAndWait('error');
    await expect(playground.output.locator('[data-stream="stderr"]').first()).toContainText(
      "main.lua:4: 'end' expected (to close 'function' at line 2) near <eof>",
    );
  });
});
