import { describe, expect, it } from 'vitest';
import { syntaxMarks } from './syntax-errors.ts';
import { lua53SyntaxError } from './lua53-syntax.ts';

function marksOf(code: string) {
  const message = lua53SyntaxError(code, 'main.lua');
  expect(message).not.toBeNull();
  return syntaxMarks(message!, 'main.lua', code);
}

describe('Lua 5.3 syntax errors in the editor (issue 20)', () => {
  it('passes a correct chunk without running it', () => {
    expect(lua53SyntaxError('error("never runs")\nreturn 1\n', 'main.lua')).toBeNull();
  });

  it("marks a missing end on the last line of code and on the opening token's line", () => {
    const code = 'local x = 1\nlocal function f()\n  if x then\n    print(x)\n  end\n\n';
    expect(marksOf(code)).toEqual({
      line: 5,
      message: "'end' expected (to close 'function' at line 2) near <eof>",
      openLine: 2,
    });
  });

  it('marks the line Lua names for an unexpected symbol', () => {
    const code = 'print(1)\nlocal = 2\nprint(3)\n';
    expect(marksOf(code)).toMatchObject({ line: 2, message: "<name> expected near '='" });
  });

  it('reads the [string "chunk"] form and a message without a line as none', () => {
    expect(syntaxMarks('[string "main.lua"]:1: boom', 'main.lua', 'x')).toMatchObject({
      line: 1,
      message: 'boom',
    });
    expect(syntaxMarks('no line here', 'main.lua', 'x')).toBeNull();
  });
});
