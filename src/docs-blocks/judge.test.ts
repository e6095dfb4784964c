import { describe, expect, it } from 'vitest';
import { judge, planOf } from './judge.ts';
import type { BlockOutcome } from './run-block.ts';

const ran = (...lines: string[]): BlockOutcome => ({ status: 'ran', message: '', lines });
const failed = (message: string): BlockOutcome => ({ status: 'error', message, lines: [] });
const block = (code: string) => ({ page: 'p', index: 1, line: 1, code });

describe('judge', () => {
  it('holds an ok block to running, printing what it states in order, and warning nothing', () => {
    expect(judge({ class: 'ok', prints: ['a', 'b'] }, ran('x a', 'b y'))).toBeNull();
    expect(judge({ class: 'ok', prints: ['b', 'a'] }, ran('a', 'b'))).toContain('["a"]');
    expect(judge({ class: 'ok' }, failed('boom'))).toContain('got error');
    expect(judge({ class: 'ok' }, ran('[warn] print: …'))).toContain('expected no warning');
  });

  it('holds an ok block that raises by design to that error', () => {
    expect(judge({ class: 'ok', raises: 'FAILURE' }, failed('x.lua:3: FAILURE'))).toBeNull();
    expect(judge({ class: 'ok', raises: 'FAILURE' }, ran())).toContain('"FAILURE"');
  });

  it('holds the other classes to failing (or running, with ran) and saying their text', () => {
    expect(judge({ class: 'fragment', says: 'nil' }, failed('index a nil'))).toBeNull();
    expect(judge({ class: 'fragment', says: 'nil' }, ran())).toContain('to fail, got ran');
    expect(judge({ class: 'differs', says: 'w', ran: true }, ran('[warn] w'))).toBeNull();
    expect(judge({ class: 'missing', says: "module 'sql'" }, failed('other'))).toContain('say');
  });
});

describe('planOf', () => {
  it('runs a block that returns or defines main, or gets a return, as an entry', () => {
    expect(planOf(block('return { main = f }'), { class: 'ok' }).run).toBe('entry');
    expect(planOf(block('local function main() end'), { class: 'ok' }).run).toBe('entry');
    expect(
      planOf(block('local function w() end'), { class: 'ok', postlude: 'return { main = w }' }).run,
    ).toBe('entry');
    expect(planOf(block('print(1)'), { class: 'ok' }).run).toBe('script');
  });
});
