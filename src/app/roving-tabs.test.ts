import { describe, expect, it } from 'vitest';
import { nextTabId } from './roving-tabs.ts';

describe('tab keys', () => {
  const ids = ['inspector', 'policy', 'examples'];
  it('moves with the arrows, wrapping at the ends', () => {
    expect(nextTabId(ids, 'inspector', 'ArrowRight')).toBe('policy');
    expect(nextTabId(ids, 'examples', 'ArrowRight')).toBe('inspector');
    expect(nextTabId(ids, 'inspector', 'ArrowLeft')).toBe('examples');
  });
  it('jumps with Home and End and ignores other keys', () => {
    expect(nextTabId(ids, 'policy', 'Home')).toBe('inspector');
    expect(nextTabId(ids, 'policy', 'End')).toBe('examples');
    expect(nextTabId(ids, 'policy', 'a')).toBeNull();
    expect(nextTabId(ids, 'gone', 'ArrowRight')).toBeNull();
  });
});
