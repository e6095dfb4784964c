import { describe, expect, it } from 'vitest';
import { MAX_WARNING_MARKERS, failureMarker, lineFromText, warningMarkers } from './markers.ts';

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

describe('warning markers', () => {
  it('marks each distinct warning at its line, clamped, skipping warnings without one', () => {
    expect(
      warningMarkers(
        [
          { line: 2, text: 'unknown option "x" ignored' },
          { line: 2, text: 'unknown option "x" ignored' },
          { line: 2, text: 'code 999 replaced with 1000' },
          { text: 'no line' },
          { line: 40, text: 'past the end' },
        ],
        10,
      ),
    ).toEqual([
      { line: 2, message: 'unknown option "x" ignored' },
      { line: 2, message: 'code 999 replaced with 1000' },
      { line: 10, message: 'past the end' },
    ]);
  });

  it("marks a named file's warnings only in that file", () => {
    const warnings = [
      { line: 4, chunk: 'src/lib.lua', text: 'in the library' },
      { line: 2, chunk: 'src/main.lua', text: 'in the entry' },
      { line: 3, text: "the script's own" },
    ];
    expect(warningMarkers(warnings, 10, 'src/lib.lua')).toEqual([
      { line: 4, message: 'in the library' },
      { line: 3, message: "the script's own" },
    ]);
    expect(warningMarkers(warnings, 10, 'src/main.lua').map((m) => m.line)).toEqual([2, 3]);
  });

  it('keeps at most MAX_WARNING_MARKERS markers', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ line: 1, text: `w${i}` }));
    expect(warningMarkers(many, 5)).toHaveLength(MAX_WARNING_MARKERS);
  });
});

describe('failureMarker of a syntax error at the end of the file (issue 20)', () => {
  it('marks the last line with code, not the empty line Lua names', () => {
    const source = 'local function f()\n  print(1)\n\n';
    const failure = {
      message: "main.lua:4: 'end' expected (to close 'function' at line 1) near <eof>",
      traceback: '',
      line: 4,
    };
    expect(failureMarker(failure, 'main.lua', 4, source)?.line).toBe(2);
    expect(failureMarker(failure, 'main.lua', 4)?.line).toBe(4);
  });
});
