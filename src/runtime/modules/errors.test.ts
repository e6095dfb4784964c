/**
 * The `errors` library against the platform (rows A10-A14 of platform-fidelity.md), asserted
 * in Lua. Sources: wippyai/go-lua `error.go` (kinds, String, Error, Stack) and `errorslib.go`
 * (the library), and the platform's own Lua tests, wippyai/runtime
 * `tests/app/src/test/errors/*.lua`, whose assertions several of these repeat.
 */
import { describe, expect, it } from 'vitest';
import { lua } from '../run-for-test.ts';

/** Run `code`; its asserts must hold. Returns the printed lines (warnings as `[warn] ...`). */
async function passes(code: string): Promise<string[]> {
  const r = await lua(code);
  if (r.end.status !== 'finished')
    throw new Error(r.end.status === 'error' ? r.end.failure.message : r.end.status);
  return r.lines;
}

describe('errors: kinds (go-lua error.go Kind constants; tests/app/.../errors/constants.lua)', () => {
  it('are the platform strings, UNKNOWN being the empty string', async () => {
    await passes(`
      assert(errors.NOT_FOUND == "NotFound" and errors.ALREADY_EXISTS == "AlreadyExists")
      assert(errors.INVALID == "Invalid" and errors.PERMISSION_DENIED == "PermissionDenied")
      assert(errors.UNAVAILABLE == "Unavailable" and errors.INTERNAL == "Internal")
      assert(errors.CANCELED == "Canceled" and errors.CONFLICT == "Conflict")
      assert(errors.TIMEOUT == "Timeout" and errors.RATE_LIMITED == "RateLimited")
      assert(errors.UNKNOWN == "")
      local e = errors.new("plain")
      assert(e:kind() == "" and errors.is(e, errors.UNKNOWN))
    `);
  });

  it('are what the runtime modules return (json decode failure: Internal, module.go:38-45)', async () => {
    await passes(`
      local _, err = json.decode("{")
      assert(err:kind() == errors.INTERNAL and err:kind() == "Internal")
      local _, bad = json.decode(42)
      assert(bad:kind() == "Invalid", bad:kind())
    `);
  });
});

describe('errors: strings (A11, A12: error.go String(), errorslib.go errorToString/errorConcat)', () => {
  it('tostring is the message; .. concatenates on either side, errors with errors', async () => {
    await passes(`
      local e = errors.new{ message = "test error", kind = errors.INVALID }
      assert(tostring(e) == "test error")
      assert("prefix: " .. e == "prefix: test error")
      assert(e .. " :suffix" == "test error :suffix")
      assert("(" .. e .. ")" == "(test error)")
      local e2 = errors.new("another")
      assert(e .. " and " .. e2 == "test error and another")
      assert(1 .. e == "1test error")
    `);
  });
});

describe('errors.new (A13, A14: errorslib.go errorsNew; tests/app/.../errors/new.lua)', () => {
  it('takes a message, or a table with any kind, retryable and details', async () => {
    await passes(`
      local e1 = errors.new("simple error")
      assert(e1:message() == "simple error" and e1:kind() == "")
      assert(e1:retryable() == nil, "retryable is nil when unknown")
      assert(e1:details() == nil)
      local e2 = errors.new{ message = "not found", kind = errors.NOT_FOUND, retryable = false,
        details = { resource = "user", id = 123, tags = { "a", "b" }, nested = { x = 1 } } }
      assert(e2:kind() == "NotFound" and e2:retryable() == false)
      local d = e2:details()
      assert(d.resource == "user" and d.id == 123 and math.type(d.id) == "integer")
      assert(#d.tags == 2 and d.tags[2] == "b" and d.nested.x == 1)
      d.resource = "changed"
      assert(e2:details().resource == "user", "details() is a fresh copy every time")
      assert(errors.new{ message = "m", kind = "not_found" }:kind() == "not_found", "any kind")
      assert(errors.new{ message = "e", details = {} }:details() == nil, "empty details are nil")
    `);
  });

  it('requires a string message in the table form, and a string or a table', async () => {
    const lines = await passes(`
      print(pcall(function() return errors.new{ kind = errors.INVALID } end))
      print(pcall(function() return errors.new{ message = 5 } end))
      print(pcall(function() return errors.new(42) end))
      print(pcall(function() return errors.new() end))
    `);
    expect(lines).toEqual([
      "false\tmain.lua:2: bad argument #1 to 'new' (message field is required)",
      "false\tmain.lua:3: bad argument #1 to 'new' (message must be a string)",
      "false\tmain.lua:4: bad argument #1 to 'new' (expected string or table)",
      "false\tmain.lua:5: bad argument #1 to 'new' (value expected)",
    ]);
  });

  it('ignores fields of the wrong type, as the platform does, and says so', async () => {
    const lines = await passes(`
      local e = errors.new{ message = "m", kind = 5, retryable = "yes", details = "x", code = 1 }
      assert(e:kind() == "" and e:retryable() == nil and e:details() == nil)
    `);
    expect(lines).toEqual([
      "[warn] errors.new: 'kind' must be a string, got number; it is ignored",
      "[warn] errors.new: 'retryable' must be a boolean, got string; it is ignored",
      "[warn] errors.new: 'details' must be a table, got string; it is ignored",
      "[warn] errors.new: field 'code' is ignored (known: message, kind, retryable, details)",
    ]);
  });
});

describe('errors.wrap (errorslib.go errorsWrap; tests/app/.../errors/wrap.lua)', () => {
  it('keeps message, kind, retryable and details; the context goes on the stack', async () => {
    await passes(`
      local inner = errors.new{ message = "inner error", kind = errors.INVALID, retryable = true,
        details = { code = 42 } }
      local outer = errors.wrap(inner, "outer context")
      assert(outer:kind() == errors.INVALID and outer:retryable() == true)
      assert(outer:message() == "inner error" and tostring(outer) == "inner error")
      assert(outer:details().code == 42)
      assert(outer:stack():find("^outer context\\n"), outer:stack())
      -- Wrapping a wrapped error puts its context in front (error.go Error()).
      assert(errors.wrap(outer, "again"):message() == "outer context: inner error")
      local s = errors.wrap("string error", "context")
      assert(s:message() == "string error" and s:kind() == "" and s:retryable() == nil)
      assert(errors.wrap(inner, errors.new("ctx")):stack():find("^ctx\\n"))
      assert(not pcall(errors.wrap, 1, "x") and not pcall(errors.wrap, inner, 2))
    `);
  });
});

describe('err:stack() and errors.call_stack (error.go Stack, errorslib.go errorsCallStack)', () => {
  it('name where the error was made, innermost first', async () => {
    await passes(`
      local function inner() local e = errors.new("deep"); return e end
      local function outer() local e = inner(); return e end
      local err = outer()
      local cs = errors.call_stack(err)
      assert(type(cs.thread) == "string" and #cs.frames >= 3)
      assert(cs.frames[1].source == "[C]" and cs.frames[1].name == "new" and cs.frames[1].level == 0)
      assert(cs.frames[2].source == "main.lua" and cs.frames[2].line == 2 and cs.frames[2].type == "Lua")
      assert(cs.frames[2].name == "inner", cs.frames[2].name)
      assert(err:stack():find("  main.lua:2 (inner)", 1, true), err:stack())
      assert(errors.call_stack("not an error") == nil and errors.call_stack(nil) == nil)
    `);
  });
});

describe('errors.is (errorslib.go errorsIs; tests/app/.../errors/is.lua)', () => {
  it('compares kinds, false for anything that is not an error', async () => {
    await passes(`
      local e = errors.new{ message = "timeout", kind = errors.TIMEOUT }
      assert(errors.is(e, errors.TIMEOUT) == true and errors.is(e, errors.NOT_FOUND) == false)
      assert(errors.is("not an error", errors.TIMEOUT) == false and errors.is(nil, errors.TIMEOUT) == false)
      assert(not pcall(errors.is))
    `);
  });
});

describe('error methods called on something else (errorslib.go errorKind etc.)', () => {
  it('give the neutral value, with a warning', async () => {
    const lines = await passes(`
      local e = errors.new("x")
      assert(e.kind({}) == "" and e.retryable(5) == nil and e.message(nil) == "")
    `);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^\[warn\] err:\w+\(\) on a \w+, not an error/);
  });
});
