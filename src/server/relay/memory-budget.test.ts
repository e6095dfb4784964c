import { describe, expect, it } from 'vitest';
import { MemoryBudget, SessionMemory } from './memory-budget.ts';

describe('MemoryBudget', () => {
  it('refuses a charge that would pass the limit, and takes nothing for it', () => {
    const budget = new MemoryBudget(100);
    const a = new SessionMemory(budget);
    const b = new SessionMemory(budget);
    expect(a.charge(60)).toBe(true);
    expect(b.charge(50)).toBe(false);
    expect(b.charge(40)).toBe(true);
    expect(budget.usedBytes).toBe(100);
    expect(budget.peakBytes).toBe(100);
    a.release(60);
    expect(budget.usedBytes).toBe(40);
    expect(b.charge(50)).toBe(true);
  });

  it('gives back what a session still holds when it ends, and ignores late releases', () => {
    const budget = new MemoryBudget(100);
    const s = new SessionMemory(budget);
    s.charge(30);
    s.charge(20);
    s.release(10);
    s.end();
    expect(budget.usedBytes).toBe(0);
    s.release(40); // a write callback after the end
    expect(budget.usedBytes).toBe(0);
    expect(s.charge(1)).toBe(false);
  });

  it('never releases more than a session charged', () => {
    const budget = new MemoryBudget(100);
    const a = new SessionMemory(budget);
    const b = new SessionMemory(budget);
    a.charge(10);
    b.charge(10);
    a.release(50);
    expect(budget.usedBytes).toBe(10);
  });
});
