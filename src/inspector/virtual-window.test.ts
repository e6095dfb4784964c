import { describe, expect, it } from 'vitest';
import { computeWindow, isAtBottom } from './virtual-window.ts';

const base = { rowHeight: 20, viewportHeight: 100, overscan: 0 };

describe('computeWindow', () => {
  it('renders the visible rows plus one for a partial row at the top', () => {
    expect(computeWindow({ ...base, scrollTop: 0, count: 1000 })).toEqual({
      start: 0,
      end: 6,
      offsetTop: 0,
      totalHeight: 20_000,
    });
  });

  it('starts at the row under scrollTop and offsets it', () => {
    const w = computeWindow({ ...base, scrollTop: 210, count: 1000 });
    expect(w.start).toBe(10);
    expect(w.end).toBe(16);
    expect(w.offsetTop).toBe(200);
  });

  it('adds overscan on both sides without leaving the list', () => {
    expect(computeWindow({ ...base, overscan: 5, scrollTop: 40, count: 1000 })).toMatchObject({
      start: 0,
      end: 13,
    });
    const last = computeWindow({ ...base, overscan: 5, scrollTop: 19_900, count: 1000 });
    expect(last.end).toBe(1000);
    expect(last.start).toBe(995 - 5);
  });

  it('clamps a scrollTop beyond the content (list shrank) to the last page', () => {
    const w = computeWindow({ ...base, scrollTop: 1e9, count: 50 });
    expect(w).toMatchObject({ start: 45, end: 50, totalHeight: 1000 });
  });

  it('renders nothing for an empty list', () => {
    expect(computeWindow({ ...base, scrollTop: 0, count: 0 })).toEqual({
      start: 0,
      end: 0,
      offsetTop: 0,
      totalHeight: 0,
    });
  });

  it('keeps the rendered row count bounded for 100k rows', () => {
    const w = computeWindow({ ...base, overscan: 10, scrollTop: 1_000_000, count: 100_000 });
    expect(w.end - w.start).toBeLessThanOrEqual(6 + 20);
  });
});

describe('isAtBottom', () => {
  it('is true within the slack of the end', () => {
    expect(isAtBottom(900, 100, 1000)).toBe(true);
    expect(isAtBottom(897, 100, 1000)).toBe(true);
    expect(isAtBottom(800, 100, 1000)).toBe(false);
  });
});
