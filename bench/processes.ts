/**
 * The cost of processes (issue 21), in Node, each against the same work in one process:
 *
 * - spawn: N processes started, each its own Lua state with the runtime's libraries, against
 *   N `coroutine.spawn` tasks in one state;
 * - memory: the heap that N idle processes (each waiting on its inbox) hold, against N idle
 *   tasks waiting on channels;
 * - ping-pong: messages per second between two processes (`process.send` + inbox), against
 *   two tasks of one process over channels;
 * - fan-out: 1,000 monitored children started and their 1,000 EXIT events received, against
 *   1,000 tasks reporting on a channel.
 *
 * Times are measured inside Lua (`time.now()`), so the run's own start is not counted.
 * Figures for the record: no target. Alone: `npx tsx bench/processes.ts`.
 */
import { pathToFileURL } from 'node:url';
import { collectGarbage } from '../src/test-support/gc.ts';
import { processProject, runProject } from '../src/process/run-project-for-test.ts';
import { printResult } from './report.ts';
import type { Result } from './report.ts';

const SPAWNS = 200;
const IDLE = 200;
const ROUND_TRIPS = 5_000;
const FAN_OUT = 1_000;

const elapsed = `local function ms(t0) return time.now():sub(t0):milliseconds() end`;

const PROJECT = processProject({
  spawn_processes: `${elapsed}
    return { main = function()
      local t0 = time.now()
      for i = 1, ${SPAWNS} do process.spawn("app:returns", "app:processes") end
      print(ms(t0))
    end }`,
  spawn_tasks: `${elapsed}
    return { main = function()
      local t0 = time.now()
      for i = 1, ${SPAWNS} do coroutine.spawn(function() end) end
      print(ms(t0))
    end }`,
  returns: `return { main = function() return true end }`,
  idle_processes: `return { main = function()
      for i = 1, ${IDLE} do process.spawn("app:idle", "app:processes") end
      time.sleep("300ms")
      print("ready")
      process.inbox():receive()
    end }`,
  idle: `return { main = function() process.inbox():receive() end }`,
  idle_tasks: `return { main = function()
      for i = 1, ${IDLE} do
        local ch = channel.new()
        coroutine.spawn(function() ch:receive() end)
      end
      time.sleep("300ms")
      print("ready")
      process.inbox():receive()
    end }`,
  ping_processes: `${elapsed}
    return { main = function()
      local inbox = process.inbox()
      local peer = process.spawn("app:pong", "app:processes", process.pid())
      local t0 = time.now()
      for i = 1, ${ROUND_TRIPS} do
        process.send(peer, "ping", i)
        inbox:receive()
      end
      print(ms(t0))
      process.terminate(peer)
    end }`,
  pong: `return { main = function(parent)
      local inbox = process.inbox()
      while true do
        local msg = inbox:receive()
        process.send(parent, "pong", msg:payload():data())
      end
    end }`,
  ping_tasks: `${elapsed}
    return { main = function()
      local to, from = channel.new(), channel.new()
      coroutine.spawn(function() while true do from:send(to:receive()) end end)
      local t0 = time.now()
      for i = 1, ${ROUND_TRIPS} do
        to:send(i)
        from:receive()
      end
      print(ms(t0))
    end }`,
  fan_processes: `${elapsed}
    return { main = function()
      local events = process.events()
      local t0 = time.now()
      for i = 1, ${FAN_OUT} do process.spawn_monitored("app:returns", "app:processes") end
      for i = 1, ${FAN_OUT} do events:receive() end
      print(ms(t0))
    end }`,
  fan_tasks: `${elapsed}
    return { main = function()
      local done = channel.new(${FAN_OUT})
      local t0 = time.now()
      for i = 1, ${FAN_OUT} do coroutine.spawn(function() done:send(true) end) end
      for i = 1, ${FAN_OUT} do done:receive() end
      print(ms(t0))
    end }`,
});

/** Runs an entry; returns the first number it prints. */
async function timed(entry: string): Promise<number> {
  const { done } = runProject(PROJECT, `app:${entry}`, { stopAfterMs: 120_000 });
  const result = await done;
  if (result.end.status !== 'finished')
    throw new Error(`${entry}: ${JSON.stringify(result.end).slice(0, 300)}`);
  return Number(result.lines[0]?.replace(/^\S+ /, ''));
}

/** Heap held while the entry's processes or tasks sit idle (it prints "ready" then). */
async function heldBytes(entry: string): Promise<number> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let ready: () => void = () => {};
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const { done, handle } = runProject(PROJECT, `app:${entry}`, {
    stopAfterMs: 60_000,
    onOutput: (line) => line.text === 'ready' && ready(),
  });
  await Promise.race([isReady, done]);
  collectGarbage();
  const held = process.memoryUsage().heapUsed - before;
  handle.stop();
  await done;
  return held;
}

export async function benchProcesses(report: (r: Result) => void): Promise<void> {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const spawn = await timed('spawn_processes');
  const task = await timed('spawn_tasks');
  report({
    bench: `processes: spawn (${SPAWNS})`,
    measured: `${((spawn / SPAWNS) * 1000).toFixed(0)} µs a process; ${ratio(spawn, task)} a coroutine.spawn (${((task / SPAWNS) * 1000).toFixed(1)} µs)`,
    target: '',
    met: null,
  });
  const processBytes = await heldBytes('idle_processes');
  const taskBytes = await heldBytes('idle_tasks');
  report({
    bench: `processes: memory (${IDLE} idle)`,
    measured:
      `${(processBytes / IDLE / 1024).toFixed(0)} KiB a process; ` +
      (taskBytes > 1024
        ? `${ratio(processBytes, taskBytes)} an idle task (${(taskBytes / IDLE / 1024).toFixed(1)} KiB)`
        : 'an idle task holds too little to measure'),
    target: '',
    met: null,
  });
  const ping = await timed('ping_processes');
  const pingTasks = await timed('ping_tasks');
  const perSecond = (ms: number) => Math.round(((ROUND_TRIPS * 2) / ms) * 1000);
  report({
    bench: `processes: ping-pong (${ROUND_TRIPS} round trips)`,
    measured: `${perSecond(ping).toLocaleString('en')} messages/s between processes; ${ratio(perSecond(pingTasks), perSecond(ping))} slower than channels in one process (${perSecond(pingTasks).toLocaleString('en')}/s)`,
    target: '',
    met: null,
  });
  const fan = await timed('fan_processes');
  const fanTasks = await timed('fan_tasks');
  report({
    bench: `processes: fan-out (${FAN_OUT} monitored children)`,
    measured: `${fan.toFixed(0)} ms to spawn and collect every EXIT; ${ratio(fan, fanTasks)} the same with tasks (${fanTasks.toFixed(0)} ms)`,
    target: '',
    met: null,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchProcesses(printResult);
}
