/**
 * The CLI's project mode type-checks the project's Lua files before `--run` and before the
 * first test of `--test` (src/project/type-check.ts): warnings located as `file:line:col:`,
 * and under `--types strict` nothing runs (exit 1), the error naming the file and line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { runCli, scratchDir } from '../test-support/run-cli.ts';

const project = scratchDir('cli-project-types-');
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

project.write(
  '_index.yaml',
  `version: "1.0"
namespace: app
entries:
  - { name: terminal, kind: terminal.host }
  - { name: lib, kind: library.lua, source: file://lib.lua }
  - name: main
    kind: process.lua
    source: file://main.lua
    method: main
    imports: { lib: app:lib }
  - name: t_greets
    kind: function.lua
    meta: { type: test, suite: s }
    source: file://greets.lua
    method: main
    imports: { lib: app:lib }
`,
);
project.write(
  'lib.lua',
  'local M = {}\nfunction M.never()\n  local n = 42\n  return n()\nend\nfunction M.greet() return "hi" end\nreturn M\n',
);
project.write(
  'main.lua',
  'local lib = require("lib")\nreturn { main = function() print("main " .. lib.greet()) end }\n',
);
project.write(
  'greets.lua',
  'local lib = require("lib")\nreturn { main = function() return lib.greet() == "hi" end }\n',
);

const LOCATED = 'lib.lua:4:10: expected function, got integer (E0002)';
const STRICT = 'lua: type errors in lib.lua: 4:10 expected function, got integer';

const count = (text: string, part: string) => text.split(part).length - 1;

describe("the CLI's project mode checks types first", () => {
  it('--run warns with file:line:col and runs', { timeout: 60_000 }, async () => {
    const result = await runCli('--project', project.dir, '--run', 'app:main');
    expect(result.stderr).toContain(`warn: ${LOCATED}`);
    expect(result.stdout.trim()).toBe('main hi');
    expect(result.code).toBe(0);
  });

  it('--run under --types strict runs nothing and exits 1', { timeout: 60_000 }, async () => {
    const result = await runCli('--project', project.dir, '--types', 'strict', '--run', 'app:main');
    expect(result.stderr).toContain(STRICT);
    expect(result.stderr).toContain(LOCATED);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
  });

  it('--test warns once, before the tests, and runs them', { timeout: 60_000 }, async () => {
    const result = await runCli('--project', project.dir, '--test');
    expect(count(result.stderr, LOCATED)).toBe(1);
    expect(result.stderr).toContain(`warning: ${LOCATED}`);
    expect(result.stdout).toContain('1 passed, 0 failed');
    expect(result.code).toBe(0);
  });

  it('--test under --strict-types runs no test and exits 1', { timeout: 60_000 }, async () => {
    const result = await runCli('--project', project.dir, '--strict-types', '--test');
    expect(result.stderr).toContain(STRICT);
    expect(result.stdout).not.toContain('passed');
    expect(result.code).toBe(1);
  });
});
