/** Child processes of the Node benchmarks: the Lua CLI (`npm run lua`), and the raw baseline. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../src/server/cli.ts', import.meta.url));
const RAW_COUNTER = fileURLToPath(new URL('./raw-counter.ts', import.meta.url));

function runNode(args: string[]): Promise<string> {
  return new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', ...args],
      { timeout: 300_000, maxBuffer: 1 << 20 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${args[0]} failed: ${stderr || error.message}`))
          : resolve(stdout),
    ),
  );
}

/** The raw `ws` counter against a flood URL; prints like the Lua counter does. */
export function runRawCounter(url: string): Promise<string> {
  return runNode([RAW_COUNTER, url]);
}

export async function runCli(code: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lua-bench-'));
  const file = join(dir, 'bench.lua');
  writeFileSync(file, code);
  try {
    return await runNode([CLI, file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
