/**
 * `process.upgrade` (module.go upgrade, actor/worker.go StepUpgrade): new code under the same
 * pid, with new arguments, keeping what was queued, its monitors, and its sockets closed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWsServer, type TestServer } from '../test-support/ws-server.ts';
import { processProject, runProject } from './run-project-for-test.ts';

const stdout = (lines: string[]) => lines.map((l) => l.replace(/^\{[^}]+\} /, ''));

describe('process.upgrade', () => {
  let server: TestServer;
  const closes: number[] = [];
  beforeAll(async () => {
    server = await startWsServer((socket) => socket.on('close', (code) => closes.push(code)));
  });
  afterAll(() => server.close());

  it('runs new code under the same pid with new arguments; messages queued meanwhile arrive', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          local child = process.spawn_monitored("app:v1", "app:processes", process.pid(), "${server.url}")
          process.listen("ready"):receive()
          process.send(child, "go", "upgrade now")
          process.send(child, "work", "queued for v2")
          local event = process.events():receive()
          print("exit of the same pid: " .. tostring(event.from == child), event.result.value)
        end
        return { main = main }`,
        v1: `local function main(parent, url)
          local client = assert(websocket.connect(url))
          process.send(parent, "ready", true)
          process.listen("go"):receive()
          process.upgrade("app:v2", parent, 2)
          print("never printed")
        end
        return { main = main }`,
        v2: `local function main(parent, version)
          print("v" .. version .. " as " .. tostring(process.pid() ~= nil))
          local msg = process.inbox():receive()
          print(msg:topic(), msg:payload():data())
          return "done in v" .. version
        end
        return { main = main }`,
      }),
      'app:main',
    );
    const result = await done;
    expect(result.end).toEqual({ status: 'finished' });
    expect(stdout(result.lines)).toEqual([
      'v2 as true',
      'work queued for v2',
      'exit of the same pid: true done in v2',
    ]);
    // The old code's socket was closed as the process gave way (the run may end first).
    await vi.waitFor(() => expect(closes).toEqual([1001]), { timeout: 5000 });
  });

  it('without an id, runs the same definition again with the new arguments', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main(round)
          round = round or 1
          print("round " .. round)
          if round < 3 then process.upgrade(nil, round + 1) end
          return "last round " .. round
        end
        return { main = main }`,
      }),
      'app:main',
    );
    const result = await done;
    expect(result.end).toEqual({ status: 'finished' });
    expect(stdout(result.lines)).toEqual(['round 1', 'round 2', 'round 3']);
  });

  it('to an entry that does not exist, ends the process with the error the platform gives', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          local child = process.spawn_monitored("app:worker", "app:processes")
          local event = process.events():receive()
          print(tostring(event.result.error))
        end
        return { main = main }`,
        worker: `local function main()
          process.upgrade("app:missing")
        end
        return { main = main }`,
      }),
      'app:main',
    );
    const result = await done;
    expect(result.end).toEqual({ status: 'finished' });
    expect(stdout(result.lines)).toEqual([
      'upgrade: create failed: factory not found: app:missing',
    ]);
  });
});
