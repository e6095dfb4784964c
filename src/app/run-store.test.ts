import { describe, expect, it } from 'vitest';
import { OUTPUT_CAPACITY, RunStore } from './run-store.ts';
import type { EventsBatch } from '../runner/runner.ts';

const batch = (over: Partial<EventsBatch>): EventsBatch => ({
  type: 'events',
  runId: 1,
  output: [],
  connections: [],
  frames: [],
  decisions: [],
  processes: [],
  messages: [],
  ...over,
});

function manualStore() {
  const queue: (() => void)[] = [];
  const store = new RunStore((fn) => queue.push(fn));
  let notified = 0;
  store.subscribe(() => notified++);
  const flush = () => queue.splice(0).forEach((fn) => fn());
  return { store, flush, notified: () => notified };
}

describe('RunStore', () => {
  it('notifies once per scheduled flush however many batches arrived', () => {
    const { store, flush, notified } = manualStore();
    store.begin(1, 'start');
    for (let i = 0; i < 100; i++)
      store.absorb(batch({ output: [{ stream: 'stdout', text: `${i}`, time: 0 }] }));
    flush();
    expect(notified()).toBe(1);
    expect(store.output.filter((l) => l.stream === 'stdout')).toHaveLength(100);
  });

  it('caps the console and counts dropped lines', () => {
    const { store } = manualStore();
    store.begin(1, 'go');
    const many = Array.from({ length: OUTPUT_CAPACITY * 2 }, (_, i) => ({
      stream: 'stdout' as const,
      text: `${i}`,
      time: 0,
    }));
    store.absorb(batch({ output: many }));
    expect(store.output.length).toBeLessThanOrEqual(OUTPUT_CAPACITY * 1.25);
    expect(store.outputDropped + store.output.length).toBe(OUTPUT_CAPACITY * 2 + 1);
    expect(store.output.at(-1)?.text).toBe(`${OUTPUT_CAPACITY * 2 - 1}`);
  });

  it('keeps denied decisions and per-connection frame counts', () => {
    const { store } = manualStore();
    store.begin(1, 'go');
    store.absorb(
      batch({
        frames: [
          { connectionId: 1, direction: 'in', kind: 'text', size: 10, time: 0, preview: 'a' },
          {
            connectionId: 1,
            direction: 'out',
            kind: 'binary',
            size: 3,
            time: 0,
            preview: '000102',
          },
        ],
        decisions: [
          {
            allowed: true,
            action: 'websocket.connect',
            resource: '',
            outcome: 'allow',
            entry: 'app:allow',
            verdicts: [],
            explanation: 'allowed by app:allow',
          },
          {
            allowed: false,
            action: 'websocket.connect.url',
            resource: 'ws://x/',
            outcome: 'deny',
            entry: 'app:deny',
            verdicts: [],
            explanation: 'denied by app:deny',
          },
        ],
      }),
    );
    expect(store.frameCounts.get(1)).toEqual({ in: 1, out: 1, bytesIn: 10, bytesOut: 3 });
    expect(store.denied.map((d) => d.decision.resource)).toEqual(['ws://x/']);
  });

  it('ignores batches and ends of runs other than the current one', () => {
    const { store } = manualStore();
    store.begin(1, 'go');
    store.begin(2, 'again');
    store.absorb(batch({ runId: 1, output: [{ stream: 'stdout', text: 'late', time: 0 }] }));
    store.end(1, { status: 'finished' });
    expect(store.status).toBe('running');
    expect(store.output.some((l) => l.text === 'late')).toBe(false);
  });

  it('maps run ends to the four statuses', () => {
    const { store } = manualStore();
    store.begin(1, 'go');
    store.end(store.runId!, { status: 'stopped' });
    expect(store.status).toBe('idle');
    store.begin(2, 'go');
    store.end(store.runId!, {
      status: 'error',
      failure: { message: 'main.lua:1: boom', traceback: 'stack', line: 1 },
    });
    expect(store.status).toBe('error');
    expect(store.failure?.line).toBe(1);
    expect(store.output.at(-1)).toMatchObject({
      stream: 'stderr',
      text: 'main.lua:1: boom',
      traceback: 'stack',
    });
    store.begin(3, 'go');
    expect(store.failure).toBeNull();
    store.end(store.runId!, { status: 'finished' });
    expect(store.status).toBe('finished');
  });

  it("keeps the run's warnings with a line for the editor, a new array per change, cleared per run", () => {
    const { store } = manualStore();
    store.begin(1, 'go');
    const before = store.warnings;
    store.absorb(
      batch({
        output: [
          { stream: 'warn', text: 'unknown option "x" ignored', line: 3, time: 0 },
          { stream: 'warn', text: 'no line', time: 0 },
          { stream: 'stdout', text: 'hello', time: 0 },
        ],
      }),
    );
    expect(store.warnings).not.toBe(before);
    expect(store.warnings.map((w) => [w.line, w.text])).toEqual([
      [3, 'unknown option "x" ignored'],
    ]);
    store.begin(2, 'again');
    expect(store.warnings).toEqual([]);
  });
});

describe('RunStore history', () => {
  const textFrame = (connectionId: number, time: number) => ({
    connectionId,
    direction: 'in' as const,
    kind: 'text' as const,
    size: 1,
    time,
    preview: 'x',
  });
  const conn = (id: number) => ({
    id,
    url: 'ws://a/',
    routedUrl: 'ws://a/',
    state: 'closed' as const,
    transport: 'direct' as const,
    transportWhy: '',
    protocol: '',
    extensions: '',
  });

  it('keeps the previous runs with their own connections and frames, the current one last', () => {
    const { store } = manualStore();
    store.begin(1, 'go');
    store.absorb(batch({ runId: 1, connections: [conn(1)], frames: [textFrame(1, 1)] }));
    store.end(1, { status: 'error', failure: { message: 'boom', traceback: '' } });
    store.begin(2, 'again');
    store.absorb(batch({ runId: 2, frames: [textFrame(1, 2), textFrame(1, 3)] }));
    const runs = store.inspectedRuns;
    expect(runs.map((r) => [r.label, r.status, r.frames.length])).toEqual([
      ['Run #1', 'error', 1],
      ['Run #2', 'running', 2],
    ]);
    expect(runs[0].connections.get(1)?.url).toBe('ws://a/');
    expect(store.connections.size).toBe(0);
    expect(store.history.find(runs[0].key)).toBe(runs[0]);
  });

  it('does not keep a run that opened nothing', () => {
    const { store } = manualStore();
    store.begin(1, 'go');
    store.end(1, { status: 'finished' });
    store.begin(2, 'again');
    expect(store.inspectedRuns.map((r) => r.label)).toEqual(['Run #2']);
  });

  it('pairs pongs with pings and notes the round trip on the pong', () => {
    const { store } = manualStore();
    store.begin(1, 'go');
    const ping = { ...textFrame(1, 100), direction: 'out' as const, kind: 'ping' as const };
    const pong = { ...textFrame(1, 142), kind: 'pong' as const };
    store.absorb(batch({ frames: [ping, pong] }));
    expect([...store.frames.held()].map((f) => f.rttMs)).toEqual([undefined, 42]);
  });
});

describe('RunStore run end', () => {
  const info = (id: number, state: 'connecting' | 'open' | 'closing' | 'closed') => ({
    id,
    url: 'ws://a/',
    routedUrl: 'ws://a/',
    state,
    transport: 'relay' as const,
    transportWhy: '',
    protocol: '',
    extensions: '',
    ...(state === 'closed' ? { closeCode: 1001, closeReason: 'run ended' } : {}),
  });

  it('shows connections a lost worker left behind as broken (1006), never open or closing', () => {
    const queue: (() => void)[] = [];
    const store = new RunStore((fn) => queue.push(fn));
    store.begin(1, 'go');
    store.absorb(
      batch({
        connections: [
          info(1, 'open'),
          info(2, 'closing'),
          info(3, 'connecting'),
          info(4, 'closed'),
        ],
      }),
    );
    store.end(1, { status: 'stopped' }, 'the worker was terminated');
    const states = [...store.connections.values()].map((c) => [c.id, c.state, c.closeCode]);
    expect(states).toEqual([
      [1, 'closed', 1006],
      [2, 'closed', 1006],
      [3, 'failed', undefined],
      [4, 'closed', 1001],
    ]);
    expect(store.connections.get(1)?.error).toBe('the worker was terminated');
  });

  it("keeps a project run's processes and messages, and settles the live ones at the end", () => {
    const { store } = manualStore();
    store.begin(1, 'go', { project: true });
    expect(store.projectRun).toBe(true);
    const pid = '{app:processes|0x00001}';
    store.absorb(
      batch({
        processes: [
          {
            pid,
            entryId: 'app:worker',
            host: 'app:processes',
            state: 'waiting',
            queue: 2,
            links: [],
            monitors: [],
            startedAt: 0,
          },
        ],
        messages: [{ kind: 'send', from: '', to: pid, topic: 'echo', preview: 'x', time: 0 }],
      }),
    );
    expect(store.processes.byPid.get(pid)?.queue).toBe(2);
    expect(store.messages.records).toHaveLength(1);
    store.end(1, { status: 'stopped' });
    expect(store.processes.byPid.get(pid)?.state).toBe('exited');
    store.begin(2, 'again');
    expect(store.projectRun).toBe(false);
    expect(store.processes.size).toBe(0);
    // The first run, which had messages and no connection, is kept with its messages.
    expect(store.messages.length).toBe(0);
    const past = store.inspectedRuns[0]!;
    expect(past.label).toBe('Run #1');
    expect(past.messages.records.map((m) => m.topic)).toEqual(['echo']);
  });

  it("shows an imported session's messages in its run, with what the file dropped", () => {
    const { store } = manualStore();
    const pid = '{app:processes|0x00002}';
    store.showSession(
      {
        startedAt: 0,
        connections: [],
        frames: [],
        messages: [
          { kind: 'send', from: '', to: pid, topic: 'job', preview: '1', payload: '1', time: 50 },
          { kind: 'exit', from: pid, to: '', topic: 'pid.exit', preview: 'ok', time: 60 },
        ],
        messagesDropped: 3,
      },
      'run.json',
    );
    const run = store.current;
    expect(run).toMatchObject({ label: 'run.json', status: 'imported', startedAt: 50 });
    expect(run.messages.records.map((m) => m.topic)).toEqual(['job', 'pid.exit']);
    expect(run.messages.dropped).toBe(3);
    expect(store.output.at(-1)?.text).toBe(
      'Imported run.json: 0 connections, 0 frames, 2 messages',
    );
  });

  it('offers the input line once a process asks for input, for the rest of the run', () => {
    const { store } = manualStore();
    store.begin(1, 'go');
    store.absorb(batch({ output: [{ stream: 'stdout', text: 'hi', time: 0 }] }));
    expect(store.inputOffered).toBe(false);
    const main = { pid: '{app:terminal|0x00001}', entryId: 'app:main' };
    store.absorb(batch({ readers: [main] }));
    expect(store.inputOffered).toBe(true);
    expect(store.inputReaders).toEqual([main]);
    store.absorb(batch({ readers: [] }));
    expect(store.inputOffered).toBe(true);
    expect(store.inputReaders).toEqual([]);
    store.absorb(batch({ readers: [main] }));
    store.end(1, { status: 'stopped' });
    expect(store.inputReaders).toEqual([]);
    store.begin(2, 'again');
    expect(store.inputOffered).toBe(false);
  });

  it('sends input and process control only while a run is in progress', () => {
    const { store } = manualStore();
    const sent: string[] = [];
    store.setProcessControls({
      control: (pid, action) => (sent.push(`${action} ${pid}`), true),
      input: (line) => (sent.push(`input ${line}`), true),
    });
    expect(store.sendInput('early')).toBe(false);
    store.begin(1, 'go', { project: true });
    expect(store.sendInput('hello')).toBe(true);
    expect(store.controlProcess('p1', 'terminate')).toBe(true);
    expect(sent).toEqual(['input hello', 'terminate p1']);
    expect(store.output.at(-1)?.text).toBe('⏎ hello');
    store.end(1, { status: 'finished' });
    expect(store.controlProcess('p1', 'cancel')).toBe(false);
  });
});
