/**
 * The node with real Lua processes (one fengari state each): messages, copies, topology, the
 * LINK_DOWN kill, the mailbox's delivery rules, stalemates, limits and fairness.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWsServer, type TestServer } from '../test-support/ws-server.ts';
import { processProject, runProject } from './run-project-for-test.ts';
import { MAX_QUEUED_MESSAGES } from './limits.ts';

const stdout = (lines: string[]) => lines.map((l) => l.replace(/^\{[^}]+\} /, ''));

describe('the node', () => {
  let server: TestServer;
  const closes: number[] = [];
  beforeAll(async () => {
    server = await startWsServer((socket) => socket.on('close', (code) => closes.push(code)));
  });
  afterAll(() => server.close());

  it("closes a process's sockets (1001) when it ends, while the run goes on", async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          local child = process.spawn_monitored("app:client", "app:processes", process.pid(), "${server.url}")
          process.listen("connected"):receive()
          process.terminate(child)
          process.events():receive()
          time.sleep("200ms")
          print("main goes on")
        end
        return { main = main }`,
        client: `local function main(parent, url)
          local client = assert(websocket.connect(url))
          process.send(parent, "connected", true)
          time.sleep("10s")
        end
        return { main = main }`,
      }),
      'app:main',
    );
    const result = await done;
    expect(result.end).toEqual({ status: 'finished' });
    expect(stdout(result.lines)).toEqual(['main goes on']);
    expect(closes).toEqual([1001]);
  });

  it('keeps the order of one sender to one receiver, and tags output with pids', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          local child = process.spawn("app:counter", "app:processes", process.pid())
          for i = 1, 50 do process.send(child, "n", i) end
          local inbox = process.inbox()
          local msg = inbox:receive()
          print("sum " .. msg:payload():data())
        end
        return { main = main }`,
        counter: `local function main(parent)
          local ch = process.listen("n")
          local last, sum = 0, 0
          for i = 1, 50 do
            local n = ch:receive()
            if n ~= last + 1 then error("out of order: " .. n .. " after " .. last) end
            last, sum = n, sum + n
          end
          process.send(parent, "sum", sum)
        end
        return { main = main }`,
      }),
      'app:main',
    );
    const result = await done;
    expect(result.end).toEqual({ status: 'finished' });
    expect(result.lines).toEqual([expect.stringMatching(/^\{app:terminal\|0x00001\} sum 1275$/)]);
    expect(result.messages.filter((m) => m.kind === 'send')).toHaveLength(51);
  });

  it('copies at send: later changes do not reach the receiver; functions arrive as nil', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          local child = process.spawn("app:child", "app:processes", process.pid())
          local t = { list = { 1, 2 }, f = function() end }
          t.self = t
          process.send(child, "t", t)
          t.list[1] = 99
          local msg = process.inbox():receive()
          print(msg:payload():data())
        end
        return { main = main }`,
        child: `local function main(parent)
          local t = process.listen("t"):receive()
          process.send(parent, "r", tostring(t.list[1]) .. " " .. tostring(t.f) .. " " .. tostring(t.self == t))
        end
        return { main = main }`,
      }),
      'app:main',
    );
    const result = await done;
    expect(stdout(result.lines)).toEqual(['1 nil true']);
    expect(
      result.output.some(
        (o) => o.stream === 'warn' && /cannot cross to another process/.test(o.text),
      ),
    ).toBe(true);
  });

  it('sends EXIT to monitors with the result, and LINK_DOWN kills a linked process that does not trap links', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          local events = process.events()
          local ok_pid = process.spawn_monitored("app:fine", "app:processes")
          local e = events:receive()
          print(e.kind, tostring(e.from == ok_pid), e.result.value, tostring(e.result.error))
          local parent = process.spawn_monitored("app:parent", "app:processes")
          e = events:receive()
          print(e.kind, tostring(e.from == parent), tostring(e.result.error))
        end
        return { main = main }`,
        fine: `return { main = function() return "done" end }`,
        parent: `local function main()
          process.spawn_linked("app:failing", "app:processes")
          process.inbox():receive()
        end
        return { main = main }`,
        failing: `return { main = function() error("boom", 0) end }`,
      }),
      'app:main',
    );
    const result = await done;
    expect(result.end).toEqual({ status: 'finished' });
    expect(stdout(result.lines)).toEqual([
      'pid.exit true done nil',
      'pid.exit true linked process failed',
    ]);
  });

  it('kills a waiting process whose linked child fails at once, before any stalemate check', async () => {
    // supervision.md's "Default Behavior (trap_links=false)" block: the kill was deferred
    // and a stalemate check queued before it ended the run as "every process waits".
    const { done } = runProject(
      processProject({
        main: `local function main()
          local events = process.events()
          process.spawn_linked("app:failing", "app:processes")
          events:receive()
          print("never reached")
        end
        return { main = main }`,
        failing: `return { main = function() error("boom", 0) end }`,
      }),
      'app:main',
    );
    const result = await done;
    expect(result.end).toMatchObject({
      status: 'error',
      failure: { message: 'linked process failed' },
    });
    expect(stdout(result.lines)).toEqual([]);
  });

  it('delivers LINK_DOWN as an event to a process that traps links', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          process.set_options({ trap_links = true })
          local child = process.spawn_linked("app:failing", "app:processes")
          local e = process.events():receive()
          print(e.kind, tostring(e.from == child), tostring(e.result.error))
        end
        return { main = main }`,
        failing: `return { main = function() error("boom", 0) end }`,
      }),
      'app:main',
    );
    expect(stdout((await done).lines)).toEqual(['pid.link.down true boom']);
  });

  it('keeps a message for a topic nobody listens to until a subscription appears', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          process.send(process.pid(), "later", "kept")
          time.sleep("20ms")
          local kept = process.listen("later"):receive()
          print(kept)
          process.send(process.pid(), "other", "to the inbox")
          print(process.inbox():receive():payload():data())
        end
        return { main = main }`,
      }),
      'app:main',
    );
    expect(stdout((await done).lines)).toEqual(['kept', 'to the inbox']);
  });

  it('ends a run in which every process waits on its inbox, naming who waits on what', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          process.spawn("app:idle", "app:processes")
          process.inbox():receive()
        end
        return { main = main }`,
        idle: `return { main = function() process.inbox():receive() end }`,
      }),
      'app:main',
    );
    const { end } = await done;
    expect(end.status).toBe('error');
    const message = end.status === 'error' ? end.failure.message : '';
    expect(message).toMatch(/every process waits/);
    expect(message).toMatch(/\{app:terminal\|0x00001\} app:main waits on inbox/);
    expect(message).toMatch(/app:idle waits on inbox/);
  });

  it('fails a process whose tasks deadlock without subscriptions, and tells its monitor', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          process.spawn_monitored("app:stuck", "app:processes")
          local e = process.events():receive()
          print(tostring(e.result.error))
        end
        return { main = main }`,
        stuck: `return { main = function() channel.new():receive() end }`,
      }),
      'app:main',
    );
    expect(stdout((await done).lines)[0]).toMatch(/^deadlock: every task is blocked/);
  });

  it('lets others run beside a busy process, and terminate ends it with "process terminated"', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          local busy = process.spawn_monitored("app:busy", "app:processes")
          time.sleep("50ms")
          print("main still runs")
          process.terminate(busy)
          local e = process.events():receive()
          print(tostring(e.result.error))
        end
        return { main = main }`,
        busy: `return { main = function() while true do end end }`,
      }),
      'app:main',
    );
    expect(stdout((await done).lines)).toEqual(['main still runs', 'process terminated']);
  });

  it('refuses a send to a full mailbox, naming the limit', { timeout: 30_000 }, async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          local child = process.spawn("app:deaf", "app:processes")
          for i = 1, ${MAX_QUEUED_MESSAGES} do assert(process.send(child, "x", i)) end
          local ok, err = process.send(child, "x", 0)
          print(tostring(ok), tostring(err))
          process.terminate(child)
        end
        return { main = main }`,
        // Waits on another topic for as long as main takes (a loaded machine: seconds), while
        // the "x" messages queue.
        deaf: `return { main = function() process.listen("never"):receive() end }`,
      }),
      'app:main',
    );
    expect(stdout((await done).lines)[0]).toMatch(
      /^nil .*playground limit: the mailbox of .* is full/,
    );
  });

  it('stops every process on Stop', async () => {
    const { done, handle } = runProject(
      processProject({
        main: `local function main()
          for i = 1, 3 do process.spawn("app:sleeper", "app:processes") end
          print("spawned")
          time.sleep("10s")
        end
        return { main = main }`,
        sleeper: `return { main = function() time.sleep("10s") end }`,
      }),
      'app:main',
    );
    setTimeout(() => handle.stop(), 100);
    const result = await done;
    expect(result.end).toEqual({ status: 'stopped' });
    const live = new Map(result.processes.map((p) => [p.pid, p.state]));
    expect(live.size).toBe(4);
  });
});
