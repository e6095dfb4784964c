/**
 * funcs, futures and executors on the node, asserted in Lua, beyond what the runtime's own
 * suites check (src/process/suites/): the exact validation texts, errors kept or wrapped as
 * funcs/module.go, yields.go and future/future.go make them, arguments copied at the call,
 * executors immutable, an entry's declared options under the call's.
 */
import { describe, expect, it } from 'vitest';
import { passes } from '../../../process/inline-project.ts';

const INDEX = `
version: "1.0"
namespace: app
entries:
  - { name: echo, kind: function.lua, source: file://echo.lua, method: main, modules: [ctx] }
  - { name: fail, kind: function.lua, source: file://fail.lua, method: main }
  - { name: slow, kind: function.lua, source: file://slow.lua, method: main, modules: [time] }
  - { name: flaky, kind: function.lua, source: file://flaky.lua, method: main }
  - { name: main, kind: function.lua, source: file://main.lua, method: main,
      modules: [funcs, time, security] }
  - name: flaky_declared
    kind: function.lua
    source: file://flaky.lua
    method: main
    meta:
      options:
        retry: { max_attempts: 5, initial_delay: 1 }
  - name: slow_declared
    kind: function.lua
    source: file://slow.lua
    method: main
    modules: [time]
    meta:
      options: { timeout: 50, priority: high }
  - name: slow_process
    kind: process.lua
    source: file://slow.lua
    method: main
    modules: [time]
    meta:
      options: { default_host: app:processes, timeout: 50 }
`;

const HELPERS = {
  'echo.lua': `
    local function main(...)
      local all = ctx.all()
      return { args = {...}, n = select("#", ...), ctx = all }
    end
    return { main = main }`,
  'fail.lua': `
    local function main(how)
      if how == "raise" then error("it broke") end
      if how == "object" then
        error(errors.new{ message = "bad thing", kind = errors.NOT_FOUND, retryable = true,
          details = { id = 7 } })
      end
      return nil, errors.new{ message = "returned", kind = errors.CONFLICT }
    end
    return { main = main }`,
  // Asks the caller (its 'attempt' topic) whether to succeed; fails with the given kind if not.
  'flaky.lua': `
    local function main(caller, kind, retryable)
      process.send(caller, "attempt", process.pid())
      if process.listen("verdict"):receive() == "ok" then return "done" end
      if kind == nil then error("raised") end
      return nil, errors.new{ message = "try again", kind = kind, retryable = retryable }
    end
    return { main = main }`,
  'slow.lua': `
    local function main(d) time.sleep(d or "30ms"); return "slept" end
    return { main = main }`,
};

function run(body: string): Promise<string[]> {
  return passes(
    {
      '_index.yaml': INDEX,
      ...HELPERS,
      'main.lua': `local function main()\n${body}\nreturn true end\nreturn { main = main }`,
    },
    'app:main',
  );
}

describe('funcs.call (funcs/module.go call, yields.go CallYield)', () => {
  it('returns the first return value of the function, its arguments copied', async () => {
    await run(`
      local t = { list = {1, 2}, name = "x" }
      local r, err = funcs.call("app:echo", t, 2.5, "s")
      assert(err == nil, tostring(err))
      assert(r.n == 3 and r.args[1].name == "x" and r.args[1].list[2] == 2)
      assert(r.args[2] == 2.5 and math.type(r.args[2]) == "float" and r.args[3] == "s")
      assert(r.args[1] ~= t, "a copy, not the caller's table")
    `);
  });

  it('validates the target with the platform texts, kind Invalid', async () => {
    await run(`
      local cases = {
        [""] = "function ID required",
        ["noname"] = "namespace required in function ID",
        [":x"] = "namespace required in function ID",
        ["app:"] = "name required in function ID",
      }
      for target, text in pairs(cases) do
        local r, err = funcs.call(target)
        assert(r == nil and err:kind() == errors.INVALID and err:message() == text, target .. ": " .. tostring(err))
        local f, aerr = funcs.async(target)
        assert(f == nil and aerr:message() == text)
        local e, eerr = funcs.new():call(target)
        assert(e == nil and eerr:message() == text)
      end
      assert(not pcall(funcs.call, nil), "a target that is not a string raises")
      assert(not pcall(funcs.call, {}))
    `);
  });

  it('returns nil, err for an entry that is no function', async () => {
    await run(`
      local r, err = funcs.call("app:nope")
      assert(r == nil and err ~= nil and tostring(err):find("app:nope"), tostring(err))
    `);
  });

  it("passes the callee's error on: a raise by its message, an error object whole", async () => {
    await run(`
      local _, e1 = funcs.call("app:fail", "raise")
      assert(tostring(e1):find("it broke"), tostring(e1))
      local _, e2 = funcs.call("app:fail", "object")
      assert(e2:kind() == errors.NOT_FOUND and e2:message() == "bad thing", tostring(e2))
      assert(e2:retryable() == true and e2:details().id == 7)
      local _, e3 = funcs.call("app:fail", "return")
      assert(e3:kind() == errors.CONFLICT and e3:message() == "returned")
    `);
  });

  it('warns and sends nil for a value that cannot cross', async () => {
    const lines = await run(`
      local r = funcs.call("app:echo", print, 1)
      assert(r.n == 2 and r.args[1] == nil and r.args[2] == 1)
    `);
    expect(lines.some((l) => l.includes('[warn]') && l.includes('function'))).toBe(true);
  });
});

describe('Future (future/future.go)', () => {
  it('is pending, then complete with one Payload on its one channel', async () => {
    await run(`
      local f = funcs.async("app:slow", "20ms")
      assert(f:channel() == f:response() and f:channel() == f:channel())
      assert(f:is_complete() == false and f:is_canceled() == false)
      local v, e = f:result()
      assert(v == nil and e == nil)
      local err, has = f:error()
      assert(err == nil and has == false)
      local p, ok = f:response():receive()
      assert(ok and p:get_format() == "lua/any" and p:data() == "slept")
      assert(f:is_complete())
      local r, rerr = f:result()
      assert(rerr == nil and r:data() == "slept")
      assert(tostring(p) == "payload{format=lua/any}")
    `);
  });

  it('delivers an error object on the channel; error() wraps it as Internal', async () => {
    await run(`
      local f = funcs.async("app:fail", "object")
      local e, ok = f:channel():receive()
      assert(ok and errors.is(e, errors.NOT_FOUND) and e:message() == "bad thing")
      local v, rerr = f:result()
      assert(v == nil and rerr:kind() == errors.NOT_FOUND)
      local werr, has = f:error()
      assert(has == true and werr:kind() == errors.INTERNAL, werr:kind())
      assert(tostring(werr):find("bad thing"))
    `);
  });

  it('cancel marks it canceled: result() gives a Canceled error', async () => {
    await run(`
      local f = funcs.async("app:slow", "2s")
      local ok, err = f:cancel()
      assert(ok == true and err == nil)
      assert(f:is_canceled() == true)
      local v, rerr = f:result()
      assert(v == nil and rerr:kind() == errors.CANCELED and rerr:message() == "canceled")
    `);
  });

  it('can be selected on with a timeout, as the docs build timeouts', async () => {
    await run(`
      local f = funcs.async("app:slow", "10ms")
      local r = channel.select { f:channel():case_receive(), time.after("2s"):case_receive() }
      assert(r.channel == f:channel() and r.value:data() == "slept")
    `);
  });
});

describe('Executor (funcs/module.go Executor)', () => {
  it('is immutable: each with_* returns a new executor, the old one unchanged', async () => {
    await run(`
      local base = funcs.new()
      local a = base:with_context({ who = "a", n = 1 })
      local b = a:with_context({ who = "b" })
      assert(a ~= base and b ~= a)
      assert(next(base:call("app:echo").ctx) == nil, "base has no values")
      local ra = a:call("app:echo")
      assert(ra.ctx.who == "a" and ra.ctx.n == 1)
      local rb = b:call("app:echo")
      assert(rb.ctx.who == "b" and rb.ctx.n == 1, "values merge over the old ones")
      local f = b:async("app:echo")
      assert(f:channel():receive():data().ctx.who == "b")
    `);
  });

  it('with_options timeout: a slow call fails with Timeout, retryable; a quick one returns', async () => {
    await run(`
      local exec = funcs.new():with_options({ timeout = 50 })
      local r, err = exec:call("app:slow", "30s")
      assert(r == nil and err ~= nil, "the call outlived its timeout")
      assert(err:kind() == errors.TIMEOUT, err:kind())
      assert(err:message() == "context deadline exceeded" and err:retryable() == true, tostring(err))
      local ok, qerr = funcs.new():with_options({ timeout = 20000 }):call("app:slow", "5ms")
      assert(ok == "slept" and qerr == nil, tostring(qerr))
      local s, serr = funcs.new():with_options({ timeout = "50ms" }):call("app:slow", "30s")
      assert(s == nil and serr:kind() == errors.TIMEOUT, "a duration string is read too")
      local n, nerr = funcs.new():with_options({ timeout = 0 }):call("app:slow", "5ms")
      assert(n == "slept" and nerr == nil, "0 is no timeout")
    `);
  });

  it("with_options timeout bounds an async call: the Future's channel gets the Timeout", async () => {
    await run(`
      local f = funcs.new():with_options({ timeout = 50 }):async("app:slow", "30s")
      local e, ok = f:channel():receive()
      assert(ok and errors.is(e, errors.TIMEOUT), tostring(e))
      local v, rerr = f:result()
      assert(v == nil and rerr:kind() == errors.TIMEOUT and f:is_complete())
      local quick = funcs.new():with_options({ timeout = 20000 }):async("app:slow", "5ms")
      assert(quick:channel():receive():data() == "slept")
    `);
  });

  it('with_options keeps other keys and a bad timeout with a warning, the call unbounded', async () => {
    const lines = await run(`
      local exec = funcs.new():with_options({ timeout = "soon", priority = "high" })
      assert(exec:call("app:slow", "5ms") == "slept")
      local again = exec:with_options({ timeout = 50 })
      local _, err = again:call("app:slow", "30s")
      assert(err:kind() == errors.TIMEOUT, "a later with_options replaces the options")
    `);
    const warnings = lines.filter((l) => l.includes('[warn]'));
    expect(warnings.some((l) => l.includes('timeout: invalid duration "soon"'))).toBe(true);
    expect(warnings.some((l) => l.includes('priority is kept but not applied'))).toBe(true);
  });

  it('with_options retry runs a failed call again as the retry interceptor does', async () => {
    await run(`
      -- A task of the caller answers each attempt: "ok" from the okAfter-th on.
      local attempts, okAfter = 0, 3
      coroutine.spawn(function()
        local asks = process.listen("attempt")
        while true do
          local callee = asks:receive()
          attempts = attempts + 1
          process.send(callee, "verdict", attempts >= okAfter and "ok" or "fail")
        end
      end)
      local function try(exec, kind, retryable, after)
        attempts, okAfter = 0, after or 3
        local r, err = exec:call("app:flaky", process.pid(), kind, retryable)
        return r, err, attempts
      end
      local retry = funcs.new():with_options({ retry = { max_attempts = 5, initial_delay = 1 } })

      local r, err, n = try(retry, errors.UNAVAILABLE)
      assert(r == "done" and err == nil and n == 3, "succeeds on the third attempt: " .. n)
      r, err, n = try(funcs.new(), errors.UNAVAILABLE)
      assert(err:kind() == errors.UNAVAILABLE and n == 1, "no options, no retry")
      r, err, n = try(retry, errors.UNAVAILABLE, false)
      assert(err:retryable() == false and n == 1, "not retryable: once")
      r, err, n = try(retry, errors.INVALID)
      assert(err:kind() == errors.INVALID and n == 1, "Invalid is not retried by default")
      r, err, n = try(retry, nil)
      assert(err ~= nil and n == 1, "a raised error counts as Internal: not retried")
      local onlyInvalid = funcs.new():with_options({
        retry = { max_attempts = 5, initial_delay = 1, retry_kinds = { errors.INVALID } } })
      r, err, n = try(onlyInvalid, errors.INVALID)
      assert(r == "done" and n == 3, "retry_kinds lets Invalid run again")
      r, err, n = try(onlyInvalid, errors.UNAVAILABLE)
      assert(n == 1, "retry_kinds leaves out the rest")
      local skip = funcs.new():with_options({
        retry = { max_attempts = 5, initial_delay = 1, skip_kinds = { errors.UNAVAILABLE } } })
      r, err, n = try(skip, errors.UNAVAILABLE)
      assert(n == 1, "skip_kinds")
      local three = funcs.new():with_options({ retry = { max_attempts = 3, initial_delay = "1ms" } })
      r, err, n = try(three, errors.UNAVAILABLE, nil, 99)
      assert(err:message() == "try again" and n == 3, "exhausted: the last error, max_attempts calls")
      local one = funcs.new():with_options({ retry = { max_attempts = 1, initial_delay = 1 } })
      r, err, n = try(one, errors.UNAVAILABLE)
      assert(n == 1, "max_attempts = 1 is no retry")
      attempts, okAfter = 0, 3
      local f = retry:async("app:flaky", process.pid(), errors.UNAVAILABLE)
      assert(f:channel():receive():data() == "done" and attempts == 3, "async calls retry too")
    `);
  });

  it('with_options timeout bounds the retries too', async () => {
    await run(`
      coroutine.spawn(function()
        local asks = process.listen("attempt")
        while true do process.send(asks:receive(), "verdict", "fail") end
      end)
      local patient = funcs.new():with_options({
        timeout = 50, retry = { max_attempts = 5, initial_delay = 10000 } })
      local r, err = patient:call("app:flaky", process.pid(), errors.UNAVAILABLE)
      assert(r == nil and err:kind() == errors.TIMEOUT, tostring(err))
    `);
  });

  it("applies an entry's meta.options under the call's, key by key (functions.go Call)", async () => {
    const lines = await run(`
      coroutine.spawn(function()
        local asks = process.listen("attempt")
        local n = 0
        while true do
          local callee = asks:receive()
          n = n + 1
          process.send(callee, "verdict", n % 3 == 0 and "ok" or "fail")
        end
      end)
      -- Declared retry: a plain call runs again until the third attempt succeeds.
      local r, err = funcs.call("app:flaky_declared", process.pid(), errors.UNAVAILABLE)
      assert(r == "done" and err == nil, "the declared retry applies: " .. tostring(err))
      -- The call's retry replaces the declared one whole: one attempt, no retry.
      local once = funcs.new():with_options({ retry = { max_attempts = 1 } })
      r, err = once:call("app:flaky_declared", process.pid(), errors.UNAVAILABLE)
      assert(r == nil and err:kind() == errors.UNAVAILABLE, "the call's retry wins")
      -- Declared timeout: it bounds a plain call and one whose options leave it out.
      r, err = funcs.call("app:slow_declared", "30s")
      assert(r == nil and err:kind() == errors.TIMEOUT, tostring(err))
      r, err = funcs.new():with_options({ retry = {} }):call("app:slow_declared", "30s")
      assert(err:kind() == errors.TIMEOUT, "a call without a timeout keeps the declared one")
      -- The call's timeout replaces it (0: none).
      r, err = funcs.new():with_options({ timeout = 0 }):call("app:slow_declared", "60ms")
      assert(r == "slept" and err == nil, tostring(err))
      -- Undeclared, no options: as before.
      assert(funcs.call("app:slow", "5ms") == "slept")
      -- A process entry's options name its host (listener.go) and bound its calls alike.
      assert(funcs.call("app:slow_process", "5ms") == "slept")
      r, err = funcs.call("app:slow_process", "30s")
      assert(r == nil and err:kind() == errors.TIMEOUT, tostring(err))
    `);
    expect(
      lines.some((l) =>
        l.includes('[warn] app:slow_declared meta.options: priority is kept but not applied'),
      ),
    ).toBe(true);
    // default_host is where the process runs, no call option: nothing to warn about.
    expect(lines.filter((l) => l.includes('default_host'))).toEqual([]);
  });

  it('checks its arguments as the platform does', async () => {
    await run(`
      local e = funcs.new()
      assert(not pcall(e.with_context, e, "x"), "with_context needs a table")
      local ok, err = pcall(e.with_actor, e, nil)
      assert(not ok and tostring(err):find("actor cannot be nil"), tostring(err))
      ok, err = pcall(e.with_actor, e, {})
      assert(not ok and tostring(err):find("Actor expected"), tostring(err))
      ok, err = pcall(e.with_scope, e, nil)
      assert(not ok and tostring(err):find("scope cannot be nil"), tostring(err))
      ok, err = pcall(e.call, {}, "app:echo")
      assert(not ok and tostring(err):find("Executor expected"), tostring(err))
      local a = e:with_actor(security.new_actor("u1", { role = "r" }))
      assert(a:with_scope(security.new_scope()) ~= a)
    `);
  });
});
