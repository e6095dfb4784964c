/**
 * Audit 2, I4 and M1 on the command line, as a user runs it (a child process per case, each
 * bounded by runCli's 30 s timeout): `--policy` reads only a regular file under its cap,
 * `--export` overwrites neither the script, nor a link's target, nor an existing file without
 * `--force`, and a policy with a regular expression that backtracks exponentially in
 * JavaScript does not hang the run.
 */
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../test-support/run-cli.ts';
import { MAX_POLICY_FILE_BYTES } from './cli-files.ts';

const { dir, write } = scratchDir('lua-cli-files-');
const PRINT = 'print("ran")\n';

describe('npm run lua: the files it reads and writes (audit 2, I4)', () => {
  it('refuses --policy /dev/zero before reading it (not a regular file), exit 2', async () => {
    const r = await runCli(write('a.lua', PRINT), '--policy', '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read policy /dev/zero: not a regular file');
    expect(r.stdout).toBe('');
  });

  it('refuses a --policy file over its size cap', async () => {
    const big = write('big.yaml', `# ${'x'.repeat(MAX_POLICY_FILE_BYTES)}\n`);
    const r = await runCli(write('b.lua', PRINT), '--policy', big);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`larger than ${MAX_POLICY_FILE_BYTES} bytes`);
  });

  it('refuses to --export over the script itself, even with --force', async () => {
    const script = write('self.lua', PRINT);
    const r = await runCli(script, '--export', script, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the script itself');
    expect(readFileSync(script, 'utf8')).toBe(PRINT);
  });

  it('refuses to --export through a symbolic link', async () => {
    const victim = write('victim.txt', 'keep me');
    const link = join(dir, 'link.json');
    symlinkSync(victim, link);
    const r = await runCli(write('c.lua', PRINT), '--export', link, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    const out = write('existing.json', 'old');
    const script = write('d.lua', PRINT);
    const refused = await runCli(script, '--export', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('exists; add --force to overwrite it');
    expect(readFileSync(out, 'utf8')).toBe('old');
    const forced = await runCli(script, '--export', out, '--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      format: 'lua-playground-session',
    });
  });

  it('writes a new --export file as before', async () => {
    const out = join(dir, 'new.json');
    const r = await runCli(write('e.lua', PRINT), '--export', out);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe('npm run lua --policy with a catastrophic regular expression (audit 2, M1)', () => {
  it('decides in linear time: the run ends instead of hanging', async () => {
    // audit2/redos.json's pattern, evaluated against a resource that makes a backtracking
    // engine try 3^n paths: before, the CLI hung until killed. The first check (websocket.connect)
    // has an empty resource, which the first clause allows, so the URL check runs the pattern.
    const registry =
      'version: "1.0"\nnamespace: app.security\nentries:\n  - name: p\n    kind: security.policy.expr\n' +
      '    meta: {type: policy}\n    policy:\n      actions: "*"\n      resources: "*"\n' +
      `      expression: 'resource == "" || resource matches "^(.|.|.)*!"'\n      effect: allow\n`;
    const policy = write(
      'redos.json',
      JSON.stringify({
        version: 2,
        registry,
        actor: { id: 'a', meta: {} },
        scope: { groups: [], policies: ['app.security:p'] },
        strict: false,
      }),
    );
    const script = write(
      'redos.lua',
      `local c, err = websocket.connect("ws://127.0.0.1:9/${'a'.repeat(40)}")\nprint(err and err:kind())\n`,
    );
    const r = await runCli(script, '--policy', policy);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('policy: denied');
    expect(r.stdout).toBe('PermissionDenied\n');
  });
});

writeFileSync(join(dir, '.keep'), '');
