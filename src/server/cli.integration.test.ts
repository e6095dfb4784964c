/**
 * The command-line runner as a user runs it: a child process per case, real demo servers on
 * loopback, exit codes and output as printed.
 */
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../test-support/run-cli.ts';

const { write } = scratchDir();

describe('npm run lua', () => {
  it('runs the documentation chat example verbatim against the demo servers', async () => {
    const r = await runCli('public/examples/chat.lua', '--demo');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('chat closed');
  });

  it('exits 1 with the Lua error, its line and a traceback', async () => {
    const r = await runCli(write('fail.lua', 'print("before")\nlocal t = nil\nprint(t.x)\n'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toContain("lua: fail.lua:3: attempt to index a nil value (local 't')");
    expect(r.stderr).toContain('stack traceback:');
  });

  it('exits 1 naming a deadlock when every task waits and nothing can wake one', async () => {
    const r = await runCli(write('deadlock.lua', 'print("before")\nchannel.new():receive()\n'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toContain('lua: deadlock: every task is blocked');
  });

  it('applies --policy before any socket opens', async () => {
    const policy = write(
      'deny.json',
      JSON.stringify({
        version: 1,
        default: 'deny',
        rules: [{ effect: 'allow', action: 'websocket.connect' }],
      }),
    );
    const script = write(
      'deny.lua',
      'local c, err = websocket.connect("ws://127.0.0.1:9/")\nprint(err:kind() == errors.PERMISSION_DENIED)\n',
    );
    const r = await runCli(script, '--policy', policy);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('true\n');
    expect(r.stderr).toContain('policy: denied by default');
  });

  it('prints a warning line for an option the platform ignores, and fails on it with --strict', async () => {
    const script = write(
      'lenient.lua',
      [
        'local c = assert(websocket.connect("wss://api.example.com/ws",',
        '  { chanel_capacity = 5 }))',
        'c:close()',
        'print("done")',
        '',
      ].join('\n'),
    );
    const warning =
      'warning: lenient.lua:1: websocket.connect: unknown option "chanel_capacity" ignored';
    const lenient = await runCli(script, '--demo');
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toBe('done\n');
    expect(lenient.stderr).toContain(warning);

    const strict = await runCli('--strict', script, '--demo');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain(
      'lua: lenient.lua:1: strict: websocket.connect: unknown option "chanel_capacity" ignored',
    );
    expect(strict.stderr).not.toContain('warning:');
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const missing = await runCli('no-such-script.lua');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read script no-such-script.lua: ENOENT');
    const badPolicy = await runCli(
      write('ok.lua', ''),
      '--policy',
      write('bad.json', '{"version": 7}'),
    );
    expect(badPolicy.code).toBe(2);
    expect(badPolicy.stderr).toMatch(/invalid policy .*bad\.json/);
  });
});
