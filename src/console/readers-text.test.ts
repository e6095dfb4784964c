import { describe, expect, it } from 'vitest';
import { readersText } from './readers-text.ts';

const reader = (n: number, entryId: string) => ({ pid: `{app:terminal|0x0000${n}}`, entryId });

describe('readersText', () => {
  it('names the process waiting, or the first and how many more', () => {
    expect(readersText([reader(1, 'app:cli')])).toBe('app:cli is waiting for input');
    expect(readersText([reader(1, 'app:cli'), reader(2, 'app:other')])).toBe(
      'app:cli and 1 more are waiting for input',
    );
  });

  it('says where a line goes when nobody reads', () => {
    expect(readersText([])).toMatch(/waits for the next read/);
  });
});
