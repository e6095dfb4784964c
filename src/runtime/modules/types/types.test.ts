/**
 * Type values at run time under the wippy dialect: validation, `:is` and its messages,
 * reflection, comparison, types as table keys, `typeof`, validators, and what stays a plain
 * global. The assertions are in Lua.
 */
import { describe, expect, it } from 'vitest';
import { runLua } from '../../run-for-test.ts';

async function runWippy(code: string) {
  const result = await runLua(code, { dialect: 'wippy', stopAfterMs: 10_000 }).done;
  if (result.end.status !== 'finished') {
    throw new Error(result.end.status === 'error' ? result.end.failure.message : result.end.status);
  }
  return result;
}

describe('type values', () => {
  it(':is returns v, nil or nil and an Invalid error with the platform message', async () => {
    await runWippy(`
      type Point = {x: number, y: number}
      local p, err = Point:is({x = 1, y = 2})
      assert(p and p.x == 1 and err == nil)
      local bad, berr = Point:is({x = 1})
      assert(bad == nil)
      assert(tostring(berr) == "y: required field missing", tostring(berr))
      assert(berr:kind() == errors.INVALID)
      assert(berr:details().field == "y")
      local _, e2 = Point:is({x = "1", y = 2})
      assert(tostring(e2) == "x: expected number, got string", tostring(e2))
      local _, e3 = Point:is(5)
      assert(tostring(e3) == "expected {x: number, y: number}, got number", tostring(e3))
    `);
  });

  it('calling a type validates and returns the value, or raises', async () => {
    await runWippy(`
      type Point = {x: number, y: number}
      local p = {x = 1, y = 2}
      assert(Point(p) == p)
      local ok, err = pcall(Point, {x = 1})
      assert(not ok and err:find("expected Point, got table", 1, true), err)
      assert(integer(5) == 5)
      assert(not pcall(integer, 1.5))
      assert(string("s") == "s")
      local ok2, err2 = pcall(function() return Point() end)
      assert(not ok2 and err2:find("type Point expects at least 1 argument", 1, true), err2)
    `);
  });

  it('keeps a bare built-in type name an ordinary global', async () => {
    await runWippy(`
      assert(integer == nil)
      local integer = function(x) return "local " .. x end
      assert(integer(1) == "local 1")
    `);
  });

  it('reflects kinds, names, fields, elements, variants and signatures', async () => {
    await runWippy(`
      type User = {name: string, age: number}
      assert(User:kind() == "record" and User:name() == "User")
      local names = {}
      for name, t in User:fields() do names[#names + 1] = name .. ":" .. t:kind() end
      assert(table.concat(names, ",") == "name:string,age:number")
      local arr: {number} = {1}
      assert(typeof(arr):kind() == "array" and typeof(arr):elem():kind() == "number")
      local map: {[string]: integer} = {}
      assert(typeof(map):key():kind() == "string" and typeof(map):val():kind() == "integer")
      local opt: number? = nil
      assert(typeof(opt):kind() == "optional" and typeof(opt):inner():kind() == "number")
      type Status = "pending" | "done"
      local n = 0
      for v in Status:variants() do n = n + 1 end
      assert(n == 2 and Status:kind() == "union")
      local fn: (number, string) -> boolean
      local kinds = {}
      for p in typeof(fn):params() do kinds[#kinds + 1] = p:kind() end
      assert(table.concat(kinds, ",") == "number,string" and typeof(fn):ret():kind() == "boolean")
      assert(Number:kind() == "number")
    `);
  });

  it('compares types and uses them as table keys', async () => {
    await runWippy(`
      assert(Number == Number and Integer <= Number and Integer < Number)
      assert(not (Number < Number) and Number <= Number and not (Number <= Integer))
      local handlers = {}
      handlers[Number] = "number"
      handlers[Integer] = "integer"
      handlers[String] = "string"
      assert(handlers[typeof(1.5)] == "number" and handlers[typeof(2)] == "integer")
      assert(handlers[typeof("s")] == "string")
    `);
  });

  it('checks validators on declared types', async () => {
    await runWippy(`
      type Port = number @min(1) @max(65535)
      type Name = string @min_len(1) @max_len(4)
      type Email = string @pattern("^.+@.+$")
      assert(Port:is(80) == 80)
      local _, e = Port:is(0)
      assert(e ~= nil and tostring(e):find("minimum"), tostring(e))
      assert(Name:is("") == nil and Name:is("abcde") == nil and Name:is("ab") == "ab")
      assert(Email:is("a@b") == "a@b" and Email:is("nope") == nil)
    `);
  });

  it('instantiates generics and resolves aliases and intersections', async () => {
    await runWippy(`
      type Box<T> = {value: T}
      local IntBox = Box(Integer)
      assert(IntBox:is({value = 1}) ~= nil and IntBox:is({value = "x"}) == nil)
      type Named = {name: string}
      type Aged = {age: number}
      type Person = Named & Aged
      assert(Person:is({name = "a", age = 1}) ~= nil and Person:is({name = "a"}) == nil)
    `);
  });

  it('warns that T.name is the method when the record also has a field name', async () => {
    const result = await runWippy(`
      type User = {name: string}
      local m = User.name
      assert(type(m) == "function")
    `);
    expect(result.warnings.map((w) => w.text).join('\n')).toContain(
      'User.name is the type method :name()',
    );
  });
});
