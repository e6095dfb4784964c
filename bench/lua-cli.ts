/** Run a Lua script with the project's CLI (`npm run lua`) in a process of its own. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../src/server/cli.ts', import.meta.url));

export async function runCli(code: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lua-bench-'));
  const file = join(dir, 'bench.lua');
  writeFileSync(file, code);
  try {
    return await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', CLI, file],
        { timeout: 300_000, maxBuffer: 1 << 20 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`lua CLI failed: ${stderr || error.message}`)) : resolve(stdout),
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
