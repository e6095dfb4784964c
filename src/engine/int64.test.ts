/**
 * 64-bit integers (docs/engine.md, "64-bit integers"): every case of the integers-*.lua corpus
 * runs under the project's runtime and under Debian's lua5.3, and the outputs must be equal.
 * The corpus uses the shared format (`-- case: <name>` lines), so the general differential
 * test runs these files too; this runner is the integer half's own, kept small on purpose.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lua } from '../runtime/run-for-test.ts';

const LUA53 = '/usr/bin/lua5.3';
const corpusDir = join(import.meta.dirname, 'corpus');

interface Case {
  name: string;
  code: string;
}

function readCases(file: string): Case[] {
  const cases: Case[] = [];
  let current: Case | null = null;
  for (const line of readFileSync(join(corpusDir, file), 'utf8').split('\n')) {
    const header = /^-- case: (.+)$/.exec(line);
    if (header) cases.push((current = { name: header[1].trim(), code: '' }));
    else if (current) current.code += `${line}\n`;
  }
  return cases;
}

const scratch = mkdtempSync(join(tmpdir(), 'int64-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** stdout of lua5.3 running the case as main.lua, so error positions read like the runtime's. */
function referenceOutput(code: string): string {
  writeFileSync(join(scratch, 'main.lua'), code);
  const result = spawnSync(LUA53, ['main.lua'], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (result.status !== 0) throw new Error(`lua5.3 failed: ${result.stderr || result.error}`);
  return result.stdout.replace(/\n$/, '');
}

const files = readdirSync(corpusDir).filter((f) => /^integers-.*\.lua$/.test(f));

it('has the reference interpreter and a corpus', () => {
  expect(existsSync(LUA53), `${LUA53} is missing: apt-get install -y lua5.3`).toBe(true);
  expect(files.length).toBeGreaterThan(0);
});

for (const file of files) {
  describe(file, () => {
    for (const c of readCases(file)) {
      it(c.name, async () => {
        const expected = referenceOutput(c.code);
        const run = await lua(c.code);
        expect(run.end.status).toBe('finished');
        expect(run.output).toBe(expected);
      });
    }
  });
}
