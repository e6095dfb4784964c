import { describe, expect, it } from 'vitest';
import { failureMarker, lineFromText } from './markers.ts';

describe('error markers', () => {
  it('uses LuaFailure.line when present, clamped to the document', () => {
    expect(failureMarker({ message: 'boom', traceback: '', line: 3 }, 'main.lua', 10)).toEqual({
      line: 3,
      message: 'boom',
    });
    expect(failureMarker({ message: 'boom', traceback: '', line: 99 }, 'main.lua', 10)?.line).toBe(
      10,
    );
  });

  it('falls back to the chunk:line in the message, then in the traceback', () => {
    expect(
      failureMarker(
        { message: 'main.lua:7: attempt to call a nil value', traceback: '' },
        'main.lua',
        20,
      )?.line,
    ).toBe(7);
    expect(lineFromText('[string "main.lua"]:12: oops', 'main.lua')).toBe(12);
    expect(
      failureMarker(
        { message: 'oops', traceback: 'stack traceback:\n\tmain.lua:4: in main chunk' },
        'main.lua',
        20,
      )?.line,
    ).toBe(4);
  });

  it('gives no marker when the failure names no line', () => {
    expect(failureMarker({ message: 'worker error', traceback: '' }, 'main.lua', 20)).toBeNull();
  });
});
