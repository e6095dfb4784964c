/**
 * `npm run lua -- --project DIR --test` against a small project written here: a passing test,
 * one returning false, one raising, a library with types imported by a test, grouped by suite,
 * ending with `N passed, M failed` and the exit code.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cli-project-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INDEX = `version: "1.0"
namespace: app.t
entries:
  - name: shapes
    kind: library.lua
    source: file://shapes.lua
  - name: uses_lib
    kind: function.lua
    meta: { type: test, suite: alpha }
    source: file://uses_lib.lua
    method: main
    imports: { shapes: app.t:shapes }
  - name: returns_false
    kind: function.lua
    meta: { type: test, suite: alpha }
    source: file://returns_false.lua
    method: main
  - name: raises
    kind: function.lua
    meta: { type: test, suite: beta }
    source: file://raises.lua
    method: main
  - name: not_a_test
    kind: function.lua
    source: file://raises.lua
    method: main
`;

const FILES: Record<string, string> = {
  '_index.yaml': INDEX,
  'shapes.lua': 'type Point = {x: number, y: number}\nreturn { Point = Point }\n',
  'uses_lib.lua':
    'local shapes = require("shapes")\nlocal function main(): boolean\n  return shapes.Point:is({x = 1, y = 2}) ~= nil and shapes.Point:is({x = 1}) == nil\nend\nreturn { main = main }\n',
  'returns_false.lua': 'return { main = function(): boolean return false end }\n',
  'raises.lua': 'local function main()\n  error("boom")\nend\nreturn { main = main }\n',
};

describe('npm run lua -- --project DIR --test', () => {
  it('runs every test entry by suite and ends with the counts', { timeout: 120_000 }, async () => {
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    const result = await run('npx', ['tsx', 'src/server/cli.ts', '--project', dir, '--test']).catch(
      (error: { stdout: string; code: number }) => error,
    );
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('suite alpha');
    expect(lines).toContain('  ok    app.t:uses_lib');
    expect(lines).toContain('  FAIL  app.t:returns_false: returned false');
    expect(lines).toContain('suite beta');
    expect(lines.find((l) => l.startsWith('  FAIL  app.t:raises'))).toContain('raises.lua:2: boom');
    expect(lines.at(-1)).toBe('1 passed, 2 failed');
    expect((result as { code?: number }).code).toBe(1);
  });
});
