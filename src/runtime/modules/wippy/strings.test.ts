/** The string library under wippy; rows of platform-lua.md "strings". */
import { describe, expect, it } from 'vitest';
import { printed, warnings } from './run-wippy.ts';

describe('strings (wippy)', () => {
  it('reads an error value as its message where a string is expected (go-lua LVCanConvToString)', async () => {
    expect(
      await printed(`
        local err = errors.new("process not found")
        print(string.find(err, "not found"), string.upper(err), ("[%s]"):format(err))`),
    ).toEqual(['9 PROCESS NOT FOUND [process not found]']);
  });

  it('repeats without a separator, with a warning (row string.rep("ab", 3, ","))', async () => {
    expect(
      await printed(
        'print(string.rep("ab", 3, ","), "[" .. string.rep("x", 0) .. "]", ("ab"):rep(2))',
      ),
    ).toEqual(['ababab [] abab']);
    expect(await warnings('local s = string.rep("ab", 3, ",")')).toEqual([
      '1: string.rep: the platform ignores the separator; use table.concat of copies instead',
    ]);
  });

  it('wraps char codes above 255 (row #string.char(256))', async () => {
    expect(
      await printed(
        'print(#string.char(256), string.byte(string.char(321)), string.char(72, 105))',
      ),
    ).toEqual(['1 65 Hi']);
  });

  it('refuses dump with go-lua words and keeps gfind, pack, unpack, packsize (rows string.dump, string.gfind)', async () => {
    expect(
      await printed(`
        print(select(2, pcall(string.dump, print)))
        local words = {} for w in string.gfind("one two", "%a+") do words[#words + 1] = w end
        print(table.concat(words, ","), type(string.pack), type(string.unpack), type(string.packsize))
      `),
    ).toEqual(['GopherLua does not support the string.dump', 'one,two function function function']);
  });

  it('returns floats from byte and keeps byte semantics (rows strings #s, byte)', async () => {
    expect(
      await printed(
        'print(string.byte("ABC", 1, 3)) print(math.type(string.byte("A")), #"héllo", ("abc"):upper(), ("hello"):sub(2, 3), ("a.b"):find(".", 1, true))',
      ),
    ).toEqual(['65 66 67', 'float 6 ABC el 2 2']);
  });

  it('formats through the string methods too', async () => {
    expect(await printed('print(("%5.2f|%d"):format(1.5, 7))')).toEqual([' 1.50|7']);
  });
});
