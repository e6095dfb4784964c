/**
 * The command-line runner as a user runs it: a child process per case, real demo servers on
 * loopback, exit codes and output as printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../test-support/run-cli.ts';
import { startWsServer } from '../test-support/ws-server.ts';
import type { TestServer } from '../test-support/ws-server.ts';

// Tests that check something else than the language (exit codes, tracebacks, policies) and
// assert Lua 5.3's text (tab-joined print, `true`, its error messages) run under --dialect lua53.
const LUA53 = ['--dialect', 'lua53'];

const { write } = scratchDir();

describe('npm run lua', () => {
  it('runs the documentation chat example verbatim against the demo servers', async () => {
    const r = await runCli('public/examples/chat.lua', '--demo');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('chat closed');
  });

  it('exits 1 with the Lua error, its line and a traceback', async () => {
    const r = await runCli(
      write('fail.lua', 'print("before")\nlocal t = nil\nprint(t.x)\n'),
      ...LUA53,
    );
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

  it('still reads a version 1 JSON policy (converted), applied before any socket opens', async () => {
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
    const r = await runCli(script, '--policy', policy, ...LUA53);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('true\n');
    expect(r.stderr).toContain('policy: denied: no entry of the scope allows or denies this');
  });

  describe('a YAML registry file with an actor and a scope', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startWsServer();
    });
    afterAll(() => server.close());

    const registry = (port: number) => `version: "1.0"
namespace: app.security
entries:
  - name: qa_may_connect
    kind: security.policy
    policy:
      actions: websocket.connect
      resources: "*"
      effect: allow
      conditions:
        - field: actor.meta.team
          operator: eq
          value: qa
    groups: [qa]
  - name: allowed_path
    kind: security.policy
    policy:
      actions: websocket.connect.url
      resources: "ws://127.0.0.1:${port}/allowed*"
      effect: allow
    groups: [qa]
  - name: a_function_entry
    kind: function.lua
    source: file://x.lua
`;
    const script = (url: string) =>
      write(
        'two.lua',
        `for _, path in ipairs({"allowed", "denied"}) do
  local c, err = websocket.connect("${url}/" .. path)
  if c then print(path, "connected"); c:close() else print(path, err:kind()) end
end
`,
      );

    it('allows one URL, denies the other with the reason, and only the allowed one reaches the server', async () => {
      const before = server.handshakes.length;
      const policy = write('policy.yaml', registry(server.port));
      const r = await runCli(
        script(server.url),
        ...LUA53,
        '--policy',
        policy,
        '--actor',
        'tester',
        '--actor-meta',
        '{"team":"qa"}',
        '--scope',
        'qa',
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('allowed\tconnected\ndenied\tPermissionDenied\n');
      expect(r.stderr).toContain('policy: denied: no entry of the scope allows or denies this');
      expect(r.stderr).toContain('app.security:allowed_path: resource');
      expect(server.handshakes.slice(before).map((h) => h.url)).toEqual(['/allowed']);
    });

    it('names the condition that failed for another actor, and opens nothing', async () => {
      const before = server.handshakes.length;
      const policy = write('policy.yaml', registry(server.port));
      const r = await runCli(
        script(server.url),
        ...LUA53,
        '--policy',
        policy,
        '--actor',
        'dev',
        '--actor-meta',
        '{"team":"web"}',
        '--scope',
        'app.security:qa',
      );
      expect(r.stdout).toBe('allowed\tPermissionDenied\ndenied\tPermissionDenied\n');
      expect(r.stderr).toContain(
        'condition actor.meta.team eq "qa" does not hold (actor.meta.team is "web")',
      );
      expect(server.handshakes.length).toBe(before);
    });

    it('without an actor allows (incomplete context) and says so; --strict-security denies', async () => {
      const policy = write('policy.yaml', registry(server.port));
      const open = await runCli(script(server.url), ...LUA53, '--policy', policy, '--scope', 'qa');
      expect(open.stdout).toBe('allowed\tconnected\ndenied\tconnected\n');
      expect(open.stderr).toContain('no --actor: the security context is incomplete');
      const strict = await runCli(
        script(server.url),
        ...LUA53,
        '--policy',
        policy,
        '--scope',
        'qa',
        '--strict-security',
      );
      expect(strict.stdout).toBe('allowed\tPermissionDenied\ndenied\tPermissionDenied\n');
      expect(strict.stderr).toContain('strict mode denies an incomplete context');
    });

    it('exits 2 naming the line of a bad entry', async () => {
      const bad = write(
        'bad.yaml',
        registry(server.port).replace('operator: eq', 'operator: equals'),
      );
      const r = await runCli(write('ok.lua', ''), '--policy', bad, '--actor', 'a', '--scope', 'qa');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'line 12: app.security:qa_may_connect: condition 0: invalid operator: equals',
      );
    });
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

  describe('the dialect', () => {
    const numbers = () => write('numbers.lua', 'print(10/2, 1/3, true)\n');

    it('runs reference Lua 5.3 with --dialect lua53 (also written --dialect=lua53)', async () => {
      for (const flag of [['--dialect', 'lua53'], ['--dialect=lua53']]) {
        const r = await runCli(numbers(), ...flag);
        expect(r.code).toBe(0);
        expect(r.stdout).toBe('5.0\t0.33333333333333\ttrue\n');
      }
    });

    // platform-lua.md §1 rows print and number→text: one space, Go's shortest float, integral
    // floats without `.0`, booleans print as empty strings.
    it("runs the platform's Lua by default, and with --dialect wippy", async () => {
      for (const flag of [[], ['--dialect', 'wippy']]) {
        const r = await runCli(numbers(), ...flag);
        expect(r.code).toBe(0);
        expect(r.stdout).toBe('5 0.3333333333333333 \n');
      }
    });

    it('exits 2 with the usage on an unknown dialect or type-check mode', async () => {
      const dialect = await runCli(numbers(), '--dialect', 'lua54');
      expect(dialect.code).toBe(2);
      expect(dialect.stdout).toBe('');
      expect(dialect.stderr).toContain('lua: unknown dialect "lua54" (--dialect wippy or lua53)');
      expect(dialect.stderr).toContain(
        'usage: npm run lua -- <script.lua> [--dialect wippy|lua53]',
      );
      const types = await runCli(numbers(), '--types', 'loud');
      expect(types.code).toBe(2);
      expect(types.stderr).toContain(
        'unknown type-check mode "loud" (--types off, warn or strict)',
      );
    });

    it('says in --help which dialect runs by default', async () => {
      const r = await runCli('--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        "--dialect wippy   the platform's Lua (wippyai/go-lua): the default",
      );
      expect(r.stdout).toContain('--strict-types');
    });
  });
});
