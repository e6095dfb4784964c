/**
 * The runtime's own process suites (`process`, `processfunc`, `funcs`, `ctx`, `events`: 81
 * tests) in the page's worker, as src/project/platform-suites.test.ts runs them in Node: the
 * suites are imported as a project (.zip), with one more entry that calls every test with
 * `funcs.call` in the platform runner's order and judges it as runner.lua does. Read from the
 * mirror of wippyai/runtime; skipped, with the reason, where there is none.
 */
import { strToU8, zipSync } from 'fflate';
import { test, expect } from './fixtures.ts';
import { mirrorMissing, readPlatformSuites } from '../src/project/platform-suites-files.ts';
import { parseProject, testSuites } from '../src/project/project.ts';
import { unexpectedFailures } from '../src/project/platform-suites-expectations.ts';

const missing = mirrorMissing();

/** A process on the terminal host that runs the tests one at a time, as runner.lua does. */
function runnerFiles(testIds: string[]): Array<{ path: string; text: string }> {
  return [
    {
      path: 'runner/_index.yaml',
      text: [
        'version: "1.0"',
        'namespace: app.suites',
        'entries:',
        '  - name: runner',
        '    kind: process.lua',
        '    source: file://runner.lua',
        '    modules: [funcs]',
      ].join('\n'),
    },
    {
      path: 'runner/runner.lua',
      text: `local funcs = require("funcs")
local TESTS = { ${testIds.map((id) => JSON.stringify(id)).join(', ')} }
local function main()
  local passed, failed = 0, 0
  for _, id in ipairs(TESTS) do
    local value, err = funcs.call(id)
    if err ~= nil or value == false then
      failed = failed + 1
      print("FAIL " .. id .. ": " .. tostring(err))
    else
      passed = passed + 1
    end
  end
  print("suites: " .. passed .. " passed, " .. failed .. " failed")
end
return { main = main }
`,
    },
  ];
}

test.describe('the runtime process suites in the page', () => {
  test.skip(missing !== null, missing ?? '');

  test('pass 80 of 81 on the page worker, the one failure named (a loaded machine may miss a wall-clock test)', async ({
    playground,
  }) => {
    test.setTimeout(180_000);
    const suiteFiles = readPlatformSuites();
    const ids = [...testSuites(parseProject(suiteFiles)).values()].flat().map((e) => e.id);
    expect(ids).toHaveLength(81);
    const zip = zipSync(
      Object.fromEntries(
        [...suiteFiles, ...runnerFiles(ids)].map((f) => [`suites/${f.path}`, strToU8(f.text)]),
      ),
    );
    const { page } = playground;
    await playground.open();
    await page.getByTestId('scripts.menu').click();
    await page.getByTestId('projects.import-zip-file').setInputFiles({
      name: 'suites.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zip),
    });
    await page.getByTestId('project.entry').selectOption('app.suites:runner');
    await playground.runAndWait('finished', 150_000);
    await playground.expectOutput('suites: ');
    const failures = [
      ...(await playground.output.innerText()).matchAll(/^FAIL (\S+): (.*)$/gm),
    ].map(([, id, message]) => ({ id: id!, passed: false, message }));
    expect(failures.map((f) => f.id)).toContain('app.test.funcs:parallel');
    expect(unexpectedFailures(failures)).toEqual([]);
    await playground.expectOutput(
      `suites: ${81 - failures.length} passed, ${failures.length} failed`,
    );
  });
});
