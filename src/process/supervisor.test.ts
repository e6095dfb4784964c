/**
 * Supervision as controller.go does it, on a fake clock (pure logic: the node is replaced by
 * the three functions the supervisor is given).
 */
import { describe, expect, it } from 'vitest';
import { parseProject } from '../project/project.ts';
import { startOrder, Supervisor, type ExitReport } from './supervisor.ts';

class FakeClock {
  time = 0;
  private timers: Array<{ at: number; callback: () => void; live: boolean }> = [];
  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => {
    const timer = { at: this.time + ms, callback, live: true };
    this.timers.push(timer);
    return timer;
  };
  clearTimeout = (handle: unknown) => {
    (handle as { live: boolean }).live = false;
  };
  /** Moves time on, firing due timers in order. */
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.live = false;
      this.time = due.at;
      due.callback();
    }
    this.time = end;
  }
}

function yaml(services: string): string {
  return `namespace: app
entries:
  - { name: processes, kind: process.host }
  - { name: worker, kind: process.lua, source: "return {main = function() end}" }
${services}`;
}

function setup(services: string, options: { failSpawns?: number } = {}) {
  const project = parseProject([{ path: '_index.yaml', text: yaml(services) }]);
  expect(project.problems).toEqual([]);
  const clock = new FakeClock();
  const spawned: Array<{ pid: string; entry: string; args: unknown[]; at: number }> = [];
  const exits = new Map<string, (exit: ExitReport) => void>();
  const cancelled: string[] = [];
  const notes: string[] = [];
  let failSpawns = options.failSpawns ?? 0;
  const supervisor = new Supervisor(project, {
    spawn: (entry, _host, args) => {
      if (failSpawns > 0) {
        failSpawns--;
        return { ok: false, error: { kind: 'INTERNAL', message: 'host not found' } };
      }
      const pid = `{app:processes|0x${(spawned.length + 1).toString(16).padStart(5, '0')}}`;
      spawned.push({ pid, entry, args, at: clock.time });
      return { ok: true, value: pid };
    },
    onExit: (pid, callback) => exits.set(pid, callback),
    cancel: (pid) => cancelled.push(pid),
    clock,
    random: () => 0.5, // no jitter: the delay is initial_delay exactly
    onChange: (state, note) => notes.push(`${state.id} ${state.status}: ${note}`),
  });
  const exit = (index: number, error: boolean) =>
    exits.get(spawned[index]!.pid)!({ error, errorText: error ? 'boom' : undefined });
  return { supervisor, clock, spawned, exit, cancelled, notes };
}

const SERVICE = `  - name: svc
    kind: process.service
    process: worker
    host: app:processes
    input: [7]
    lifecycle:
      auto_start: true
      restart: { initial_delay: 100ms, max_attempts: 3 }
      stable_threshold: 1s
`;

describe('Supervisor', () => {
  it('starts an auto-start service with its input and leaves a normal exit stopped', () => {
    const { supervisor, spawned, exit, clock } = setup(SERVICE);
    expect(supervisor.startAll()).toEqual([]);
    expect(spawned).toEqual([expect.objectContaining({ entry: 'app:worker', args: [7] })]);
    expect(supervisor.state('app:svc')?.status).toBe('running');
    exit(0, false);
    clock.advance(10_000);
    expect(spawned).toHaveLength(1);
    expect(supervisor.state('app:svc')?.status).toBe('exited');
  });

  it('restarts after an error exit, initial_delay later, max_attempts runs in all', () => {
    const { supervisor, spawned, exit, clock, notes } = setup(SERVICE);
    supervisor.startAll();
    exit(0, true);
    expect(supervisor.state('app:svc')).toMatchObject({ status: 'failed', retryCount: 1 });
    clock.advance(99);
    expect(spawned).toHaveLength(1);
    clock.advance(1);
    expect(spawned).toHaveLength(2);
    expect(spawned[1]!.at).toBe(100);
    exit(1, true);
    clock.advance(100);
    expect(spawned).toHaveLength(3);
    exit(2, true);
    clock.advance(10_000);
    expect(spawned).toHaveLength(3);
    expect(supervisor.state('app:svc')).toMatchObject({ status: 'failed', retryCount: 3 });
    expect(notes.at(-1)).toBe('app:svc failed: process failed: boom; giving up after 3 attempts');
  });

  it('waits the same delay before every restart (the code, not the docs backoff)', () => {
    const forever = SERVICE.replace('max_attempts: 3', 'max_attempts: 0');
    const { supervisor, spawned, exit, clock } = setup(forever);
    supervisor.startAll();
    for (let i = 0; i < 6; i++) {
      exit(i, true);
      clock.advance(100);
    }
    const gaps = spawned.slice(1).map((s, i) => s.at - spawned[i]!.at);
    expect(gaps).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it('keeps the delay within initial_delay ± 10 %', () => {
    for (const [random, delay] of [
      [0, 90],
      [0.999999, 110],
    ] as const) {
      const project = parseProject([{ path: '_index.yaml', text: yaml(SERVICE) }]);
      const clock = new FakeClock();
      const starts: number[] = [];
      let onExit: (exit: ExitReport) => void = () => {};
      new Supervisor(project, {
        spawn: () => {
          starts.push(clock.time);
          return { ok: true, value: `p${starts.length}` };
        },
        onExit: (_pid, cb) => (onExit = cb),
        cancel: () => {},
        clock,
        random: () => random,
      }).startAll();
      onExit({ error: true });
      clock.advance(1000);
      expect(Math.round(starts[1]!)).toBe(delay);
    }
  });

  it('resets the count after a run that lasted stable_threshold', () => {
    const { supervisor, spawned, exit, clock } = setup(SERVICE);
    supervisor.startAll();
    exit(0, true);
    clock.advance(100);
    clock.advance(1000); // the second run is stable
    exit(1, true);
    expect(supervisor.state('app:svc')?.retryCount).toBe(0);
    clock.advance(100);
    exit(2, true);
    clock.advance(100);
    exit(3, true);
    clock.advance(100);
    expect(spawned).toHaveLength(5);
    exit(4, true);
    clock.advance(10_000);
    expect(spawned).toHaveLength(5);
  });

  it('retries a failed spawn and gives up at max_attempts', () => {
    const { supervisor, spawned, clock } = setup(SERVICE, { failSpawns: 5 });
    supervisor.startAll();
    clock.advance(10_000);
    expect(spawned).toHaveLength(0);
    expect(supervisor.state('app:svc')).toMatchObject({
      status: 'failed',
      retryCount: 3,
      detail: 'start failed: host not found',
    });
  });

  it('cancels running services on stop and restarts none', () => {
    const { supervisor, exit, cancelled, clock, spawned } = setup(SERVICE);
    supervisor.startAll();
    supervisor.stopAll();
    expect(cancelled).toEqual([spawned[0]!.pid]);
    expect(supervisor.state('app:svc')?.status).toBe('stopping');
    exit(0, true);
    clock.advance(10_000);
    expect(spawned).toHaveLength(1);
    expect(supervisor.state('app:svc')?.status).toBe('stopped');
  });
});

describe('startOrder', () => {
  const service = (name: string, auto: boolean, requires: string[]) =>
    `  - { name: ${name}, kind: process.service, process: worker, host: app:processes, lifecycle: { auto_start: ${auto}, requires: [${requires.join(', ')}] } }\n`;

  it('starts what a service requires first, auto-start or not', () => {
    const project = parseProject([
      {
        path: '_index.yaml',
        text: yaml(
          service('a', true, ['b', 'app:processes']) +
            service('b', false, ['c']) +
            service('c', true, []) +
            service('idle', false, []),
        ),
      },
    ]);
    const { order, problems } = startOrder(project);
    expect(order.map((s) => s.id)).toEqual(['app:c', 'app:b', 'app:a']);
    expect(problems).toEqual([]);
  });

  it('refuses a cycle and names it', () => {
    const project = parseProject([
      { path: '_index.yaml', text: yaml(service('a', true, ['b']) + service('b', false, ['a'])) },
    ]);
    const { order, problems } = startOrder(project);
    expect(order).toEqual([]);
    expect(problems[0]).toBe('a cycle of requires: app:a → app:b → app:a');
  });
});
