import { describe, expect, it } from 'vitest';
import { shortPid } from './short-pid.ts';

describe('shortPid', () => {
  it("keeps the part after the host, or the whole text when it is not the platform's form", () => {
    expect(shortPid('{app:processes|0x00004}')).toBe('0x00004');
    expect(shortPid('relay')).toBe('relay');
  });
});
