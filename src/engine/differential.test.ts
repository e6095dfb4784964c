/**
 * Differential test of the engine: every case of src/engine/corpus/*.lua runs under the
 * project's runtime (the one the CLI and the page use) and under Debian's lua5.3, and its
 * output (stdout, then `error: <message>` when it raised) must be the same. lua5.3 runs once
 * per file (TZ=UTC), the runtime once per file too. Files named `integers-*.lua` need 64-bit
 * integers and run only once the runtime has them. The cases that differ because of the
 * browser sandbox are in SANDBOX_DIFFERENCES, each with its reason (and in docs/engine.md).
 */
// Local time is UTC on both engines (os.date without '!', os.time of a table).
process.env.TZ = 'UTC';

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDriver, readCorpus, splitOutput, type CorpusCase } from './corpus.ts';
import { lua } from '../runtime/run-for-test.ts';

const LUA53 = '/usr/bin/lua5.3';
const CORPUS = join(import.meta.dirname, 'corpus');

/** `file/case` -> why the sandboxed runtime cannot give lua5.3's output. */
export const SANDBOX_DIFFERENCES: Record<string, string> = {
  'os.lua/os-getenv': 'os.getenv is removed: a page has no process environment',
  'os.lua/os-clock-type':
    'os.clock is a measurement (in the page: seconds since the page started, no CPU time)',
  'basic.lua/io-open': 'io has only io.write: a page has no files',
  'integers-lexer.lua/string.dump keeps 64-bit constants':
    'load reads text chunks only: fengari does not verify bytecode (docs/security.md)',
};

/**
 * `file/case` -> a known engine difference outside this branch's part of fengari, with its
 * owner. These run as `it.fails`: the test goes red once the difference is fixed, so the
 * entry is removed then.
 */
export const PENDING_ENGINE_FIXES: Record<string, string> = {};

function runLua53(source: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      LUA53,
      ['-'],
      { env: { TZ: 'UTC', PATH: '/usr/bin:/bin' }, timeout: 20_000, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        // A driver never raises; a non-zero exit means lua5.3 itself failed.
        if (error) reject(new Error(`lua5.3 failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
    child.stdin?.end(source);
  });
}

/**
 * The runtime's output per case. A case that ends the whole run (a JavaScript exception that
 * escaped pcall, say) gets the run's failure as its output, and the cases after it run again.
 */
async function runRuntime(cases: CorpusCase[]): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  let rest = cases;
  while (rest.length > 0) {
    const result = await lua(buildDriver(rest), { stopAfterMs: 10_000 });
    const split = splitOutput(result.output + '\n');
    for (const [name, text] of split) outputs.set(name, text);
    if (result.end.status === 'finished') break;
    const died = rest.findIndex((c) => !split.has(c.name)) - 1;
    const last = died < 0 ? rest.length - 1 : died;
    const failure =
      result.end.status === 'error' ? result.end.failure.message : `run ${result.end.status}`;
    const name = rest[last].name;
    outputs.set(name, `${outputs.get(name) ?? ''}\nthe run died: ${failure}`.replace(/^\n/, ''));
    rest = rest.slice(last + 1);
  }
  return outputs;
}

const corpus = readCorpus(CORPUS);
const totalCases = [...corpus.values()].reduce((n, cases) => n + cases.length, 0);

let runtimeHas64BitIntegers = false;
beforeAll(async () => {
  const probe = await lua('print(math.maxinteger == 9223372036854775807)');
  runtimeHas64BitIntegers = probe.output === 'true';
});

describe('differential corpus against lua5.3', () => {
  it('has at least 400 cases', () => {
    expect(totalCases).toBeGreaterThanOrEqual(400);
  });

  it('lists only differences that name an existing case', () => {
    const names = new Set([...corpus.values()].flat().map((c) => `${c.file}/${c.name}`));
    const listed = [...Object.keys(SANDBOX_DIFFERENCES), ...Object.keys(PENDING_ENGINE_FIXES)];
    expect(listed.filter((key) => !names.has(key))).toEqual([]);
  });

  for (const [file, cases] of corpus) {
    describe(file, () => {
      const needs64 = file.startsWith('integers-');
      let expected = new Map<string, string>();
      let actual = new Map<string, string>();
      beforeAll(async () => {
        if (needs64 && !runtimeHas64BitIntegers) return;
        [expected, actual] = await Promise.all([
          runLua53(buildDriver(cases)).then(splitOutput),
          runRuntime(cases),
        ]);
      }, 60_000);

      for (const c of cases) {
        const reason = SANDBOX_DIFFERENCES[`${file}/${c.name}`];
        if (reason) {
          it.skip(`${c.name} (sandbox: ${reason})`, () => {});
          continue;
        }
        const pending = PENDING_ENGINE_FIXES[`${file}/${c.name}`];
        const test = pending ? it.fails : it;
        test(pending ? `${c.name} (pending: ${pending})` : c.name, (context) => {
          if (needs64 && !runtimeHas64BitIntegers)
            context.skip('the runtime has no 64-bit integers yet');
          expect(expected.has(c.name), 'lua5.3 printed this case').toBe(true);
          // The case's source is in the message, so a failure shows what ran.
          expect(actual.get(c.name), `${file}: ${c.name}\n${c.source}`).toBe(expected.get(c.name));
        });
      }
    });
  }
});
