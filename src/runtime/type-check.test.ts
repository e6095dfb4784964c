import { describe, expect, it } from 'vitest';
import { lua } from './run-for-test.ts';

// Plain Lua the engine loads as it is: the call in the function that never runs is what the
// checker flags, so the run itself can go ahead.
const SCRIPT = [
  'local function never_called()',
  '  local n = 42',
  '  return n()',
  'end',
  'print("ran")',
].join('\n');

describe('type checking in a run (issue 17)', () => {
  it('warns at the line and runs under wippy with typeCheck warn', async () => {
    const result = await lua(SCRIPT, { dialect: 'wippy', typeCheck: 'warn' });
    expect(result.end.status).toBe('finished');
    expect(result.lines).toContain('ran');
    expect(result.warnings.map(({ line, text }) => ({ line, text }))).toEqual([
      { line: 3, text: 'expected function, got integer (E0002)' },
    ]);
  });

  it('warns about typed code and runs it with its types erased', async () => {
    const typed = ['local n: number = 1', 'local s: string = n', 'print(s)'].join('\n');
    const result = await lua(typed, { dialect: 'wippy', typeCheck: 'warn' });
    expect(result.end.status).toBe('finished');
    expect(result.lines).toContain('1');
    expect(result.warnings.map(({ line, text }) => ({ line, text }))).toEqual([
      { line: 2, text: 'cannot assign number to string (E0000)' },
    ]);
  });

  it("refuses the script before it runs under strict, in the platform's words", async () => {
    const result = await lua(SCRIPT, { dialect: 'wippy', typeCheck: 'strict' });
    expect(result.end).toMatchObject({
      status: 'error',
      failure: { message: 'type errors in main.lua: 3:10 expected function, got integer', line: 3 },
    });
    expect(result.lines).not.toContain('ran');
  });

  it('checks nothing when checking is off or the dialect is Lua 5.3', async () => {
    for (const options of [
      { dialect: 'wippy' as const, typeCheck: 'off' as const },
      { dialect: 'lua53' as const },
    ]) {
      const result = await lua(SCRIPT, options);
      expect(result.end.status).toBe('finished');
      expect(result.warnings).toEqual([]);
    }
  });
});
