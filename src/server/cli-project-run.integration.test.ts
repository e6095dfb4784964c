/**
 * `npm run lua -- --project DIR --run ENTRY [args]`, `--test --json`, `--test PATTERN` and the
 * project mode's argument errors, against a small project written here.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'cli-project-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INDEX = `version: "1.0"
namespace: app
entries:
  - { name: terminal, kind: terminal.host }
  - { name: processes, kind: process.host }
  - { name: greet, kind: function.lua, source: file://greet.lua, method: main }
  - { name: fails, kind: function.lua, source: file://fails.lua, method: main }
  - { name: util, kind: library.lua, source: file://util.lua }
  - { name: gateway, kind: http.service }
  - name: t_one
    kind: function.lua
    meta: { type: test, suite: s }
    source: file://ok.lua
    method: main
  - name: t_two
    kind: function.lua
    meta: { type: test, suite: s }
    source: file://ok.lua
    method: main
`;

const FILES: Record<string, string> = {
  '_index.yaml': INDEX,
  'greet.lua':
    'local function main(a, b)\n  print("hello " .. tostring(a) .. " and " .. tostring(b))\n  return true\nend\nreturn { main = main }\n',
  'fails.lua': 'return { main = function() error("went wrong") end }\n',
  'util.lua': 'return {}\n',
  'ok.lua': 'return { main = function() return true end }\n',
};
for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);

interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

async function lua(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await execFileAsync('npx', ['tsx', 'src/server/cli.ts', ...args]);
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as Outcome;
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('npm run lua -- --project DIR --run ENTRY', () => {
  it('runs the entry with the arguments after it', { timeout: 60_000 }, async () => {
    const result = await lua('--project', dir, '--run', 'app:greet', 'one', '--two');
    expect(result.stdout.trim()).toBe('hello one and --two');
    expect(result.stderr).toContain(
      'warning: _index.yaml: app:gateway: kind http.service is not emulated in the playground',
    );
    expect(result.code).toBe(0);
  });

  it('exits 1 with the error when the entry fails', { timeout: 60_000 }, async () => {
    const result = await lua('--project', dir, '--run', 'app:fails');
    expect(result.stderr).toContain('fails.lua:1: went wrong');
    expect(result.code).toBe(1);
  });

  it('exits 2 and lists the runnable entries for an unknown one', { timeout: 60_000 }, async () => {
    const result = await lua('--project', dir, '--run', 'app:nope');
    expect(result.stderr).toContain(`lua: no entry app:nope in ${dir}; runnable entries:`);
    expect(result.stderr).toContain('  app:greet (function.lua)');
    expect(result.stderr).not.toContain('app:util');
    expect(result.code).toBe(2);
    const library = await lua('--project', dir, '--run', 'app:util');
    expect(library.stderr).toContain('app:util is a library.lua entry, which cannot be run');
    expect(library.code).toBe(2);
  });

  it('exits 2 on misused flags', { timeout: 60_000 }, async () => {
    const cases: Array<[string[], string]> = [
      [['--project', dir], '--project needs --test or --run ENTRY'],
      [['--project', dir, '--run'], '--run needs an entry id'],
      [['--project', dir, '--bogus', '--test'], 'unknown option --bogus'],
    ];
    for (const [args, message] of cases) {
      const result = await lua(...args);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.code, args.join(' ')).toBe(2);
    }
  });
});

describe('npm run lua -- --project DIR --test', () => {
  it('prints one JSON document with --json', { timeout: 60_000 }, async () => {
    const result = await lua('--project', dir, '--test', '--json');
    const report = JSON.parse(result.stdout) as {
      passed: number;
      failed: number;
      results: Array<{ id: string; suite: string; passed: boolean }>;
    };
    expect(report.passed).toBe(2);
    expect(report.failed).toBe(0);
    expect(report.results.map((r) => [r.suite, r.id, r.passed])).toEqual([
      ['s', 'app:t_one', true],
      ['s', 'app:t_two', true],
    ]);
    expect(result.code).toBe(0);
  });

  it('keeps the tests whose id contains a pattern', { timeout: 60_000 }, async () => {
    const result = await lua('--project', dir, '--test', 't_two');
    expect(result.stdout.trim().split('\n')).toEqual([
      'suite s',
      '  ok    app:t_two',
      '1 passed, 0 failed',
    ]);
  });
});

describe('--run feeds stdin to io.readline', () => {
  it('reads each stdin line, then nil at the end', { timeout: 60_000 }, async () => {
    writeFileSync(
      join(dir, '_index.yaml'),
      INDEX +
        '  - { name: echo, kind: process.lua, source: file://echo.lua, method: main, modules: [io] }\n',
    );
    writeFileSync(
      join(dir, 'echo.lua'),
      'local function main()\n  while true do\n    local line = io.readline()\n    if line == nil then break end\n    io.print("echo: " .. line)\n  end\n  io.print("bye")\nend\nreturn { main = main }\n',
    );
    const child = spawn('npx', ['tsx', 'src/server/cli.ts', '--project', dir, '--run', 'app:echo']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdin.end('a\nb\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    writeFileSync(join(dir, '_index.yaml'), INDEX);
    expect(stdout.trim().split('\n')).toEqual(['echo: a', 'echo: b', 'bye']);
    expect(code).toBe(0);
  });
});
