import { describe, expect, it } from 'vitest';
import { ENDED_CAPACITY, ProcessRecords } from './process-records.ts';
import type { ProcessInfo } from '../shared/run-events.ts';

const info = (n: number, state: ProcessInfo['state']): ProcessInfo => ({
  pid: `{app:processes|0x${n.toString(16).padStart(5, '0')}}`,
  entryId: 'app:worker',
  host: 'app:processes',
  state,
  queue: 0,
  links: [],
  monitors: [],
  startedAt: 0,
});

describe('ProcessRecords', () => {
  it('keeps the latest state per pid, in order of first appearance', () => {
    const records = new ProcessRecords();
    records.absorb([info(1, 'running'), info(2, 'waiting')]);
    records.absorb([info(1, 'failed')]);
    expect([...records.byPid.values()].map((p) => p.state)).toEqual(['failed', 'waiting']);
    expect(records.live).toBe(1);
  });

  it('forgets the oldest ended processes beyond the cap, never a live one', () => {
    const records = new ProcessRecords();
    records.absorb([info(0, 'running')]);
    const ended = Array.from({ length: ENDED_CAPACITY + 10 }, (_, i) => info(i + 1, 'exited'));
    records.absorb(ended);
    expect(records.byPid.size).toBe(ENDED_CAPACITY + 1);
    expect(records.byPid.has(info(0, 'running').pid)).toBe(true);
    expect(records.byPid.has(info(1, 'exited').pid)).toBe(false);
    expect(records.byPid.has(info(ENDED_CAPACITY + 10, 'exited').pid)).toBe(true);
  });

  it('shows processes left running when the run ended as ended with it', () => {
    const records = new ProcessRecords();
    records.absorb([info(1, 'waiting'), info(2, 'failed')]);
    records.settle('the run was stopped', 5);
    const [first, second] = [...records.byPid.values()];
    expect(first).toMatchObject({ state: 'exited', result: 'the run was stopped', endedAt: 5 });
    expect(second.state).toBe('failed');
    expect(records.live).toBe(0);
  });
});
