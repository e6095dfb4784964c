/**
 * The `ctx`, `events` and `security` modules of a process on the node, asserted in Lua
 * (runtime/lua/modules/{ctx,events,security}; the runtime's own suites run in
 * src/process/suites/).
 */
import { describe, expect, it } from 'vitest';
import { passes, runInline } from '../../process/inline-project.ts';

const INDEX = `
version: "1.0"
namespace: app
entries:
  - { name: reader, kind: function.lua, source: file://reader.lua, method: main,
      modules: [ctx, security] }
  - { name: main, kind: function.lua, source: file://main.lua, method: main,
      modules: [funcs, ctx, events, security, time] }
  - { name: emitter, kind: process.lua, source: file://emitter.lua, method: main,
      modules: [events] }
`;

const EMITTER = `
  local function main(n)
    for i = 1, n do events.send("jobs", "done", "/job/" .. i, { i = i }) end
    return true
  end
  return { main = main }`;

const READER = `
  local function main()
    local all = ctx.all()
    local actor = security.actor()
    local scope = security.scope()
    return { all = all, actor = actor and actor:id(), meta = actor and actor:meta(),
      policies = scope and #scope:policies() }
  end
  return { main = main }`;

function run(body: string): Promise<string[]> {
  return passes(
    {
      '_index.yaml': INDEX,
      'reader.lua': READER,
      'emitter.lua': EMITTER,
      'main.lua': `local function main()\n${body}\nreturn true end\nreturn { main = main }`,
    },
    'app:main',
  );
}

describe('ctx (ctx/module.go)', () => {
  it('has nothing by default: all() is empty, get() NotFound; an empty key is Invalid', async () => {
    await run(`
      local all, err = ctx.all()
      assert(err == nil and next(all) == nil)
      local v, e = ctx.get("missing")
      assert(v == nil and e:kind() == errors.NOT_FOUND and e:message() == "key not found: missing")
      assert(e:retryable() == false)
      local v2, e2 = ctx.get("")
      assert(v2 == nil and e2:kind() == errors.INVALID and e2:message() == "empty key")
      assert(not pcall(ctx.get, {}), "a key that is not a string raises")
    `);
  });

  it('gives values back through Go: integers as floats, lists and string-keyed maps', async () => {
    await run(`
      local r = funcs.new():with_context({ n = 42, f = 1.5, s = "x", b = true,
        list = {1, 2, 3}, map = { a = 1 }, [5] = "not a string key" }):call("app:reader")
      local all = r.all
      assert(all.n == 42 and math.type(all.n) == "float", math.type(all.n))
      assert(all.f == 1.5 and all.s == "x" and all.b == true)
      assert(#all.list == 3 and all.list[3] == 3 and all.map.a == 1)
      assert(all[5] == nil, "only string keys are context keys")
    `);
  });
});

describe('security shim', () => {
  it('carries an actor and a scope to a call, not shown by ctx.all()', async () => {
    await run(`
      local actor = security.new_actor("user-1", { role = "admin" })
      assert(actor:id() == "user-1" and actor:meta().role == "admin")
      assert(actor:meta() ~= actor:meta(), "meta() is a fresh table each time")
      local scope = security.new_scope()
      assert(#scope:policies() == 0 and scope:contains("app:p") == false)
      local r = funcs.new():with_actor(actor):with_scope(scope):call("app:reader")
      assert(r.actor == "user-1" and r.meta.role == "admin" and r.policies == 0)
      assert(next(r.all) == nil, "the actor is no ctx value")
      assert(security.actor() == nil and security.scope() == nil, "the caller has none")
    `);
  });

  it('has no policies: policy() and named_scope() return nil, err', async () => {
    const lines = await run(`
      local p, err = security.policy("app:p")
      assert(p == nil and err:kind() == errors.INTERNAL, tostring(err))
      local s, serr = security.named_scope("app:g")
      assert(s == nil and serr ~= nil)
      assert(security.can("read", "x") == true)
    `);
    expect(lines.some((l) => l.includes('[warn] security.can'))).toBe(true);
  });
});

describe('events (events/module.go, yields.go; system/eventbus/dispatcher.go)', () => {
  it('validates its arguments with the platform texts', async () => {
    await run(`
      local s, e = events.subscribe("")
      assert(s == nil and e:kind() == errors.INVALID and e:message() == "system pattern is required")
      local cases = { {"", "k", "/p", "system is required"}, {"s", "", "/p", "kind is required"},
        {"s", "k", "", "path is required"} }
      for _, c in ipairs(cases) do
        local ok, err = events.send(c[1], c[2], c[3])
        assert(ok == nil and err:message() == c[4], tostring(err))
      end
    `);
  });

  it('delivers {system, kind, path, data} to matching subscriptions, kind filtered', async () => {
    await run(`
      local all = events.subscribe("app.*")
      local created = events.subscribe("app.users", "created")
      assert(tostring(all) == "events.Subscription{}")
      assert(all:channel() == all:channel())
      assert(events.send("app.users", "created", "/u/1", { id = 1, tags = {"a", "b"} }) == true)
      assert(events.send("app.users", "deleted", "/u/2") == true)
      assert(events.send("other", "created", "/x") == true)
      local e1 = all:channel():receive()
      assert(e1.system == "app.users" and e1.kind == "created" and e1.path == "/u/1")
      assert(e1.data.id == 1 and math.type(e1.data.id) == "integer" and e1.data.tags[2] == "b")
      local e2 = all:channel():receive()
      assert(e2.kind == "deleted" and e2.data == nil)
      local c1 = created:channel():receive()
      assert(c1.path == "/u/1")
      local r = channel.select { created:channel():case_receive(), time.after("20ms"):case_receive() }
      assert(r.channel ~= created:channel(), "deleted and other did not reach 'created'")
    `);
  });

  it('close() stops the deliveries and closes the channel', async () => {
    await run(`
      local sub = events.subscribe("x")
      assert(sub:close() == true and sub:close() == true)
      events.send("x", "k", "/p")
      local v, ok = sub:channel():receive()
      assert(v == nil and ok == false)
    `);
  });

  it('carries events between processes, in the order they were sent', async () => {
    await run(`
      local sub = events.subscribe("jobs", "done")
      process.spawn("app:emitter", "app:processes", 5)
      for i = 1, 5 do
        local e = sub:channel():receive()
        assert(e.path == "/job/" .. i and e.data.i == i, e.path)
      end
    `);
  });

  it('keeps a waiting subscriber idle: a run where nothing can send ends as a stalemate', async () => {
    const { end } = await runInline(
      {
        '_index.yaml': INDEX,
        'reader.lua': READER,
        'emitter.lua': EMITTER,
        'main.lua': `return { main = function() events.subscribe("x"):channel():receive() end }`,
      },
      'app:main',
    );
    expect(end.status).toBe('error');
    if (end.status === 'error') {
      expect(end.failure.message).toContain('every process waits');
      expect(end.failure.message).not.toContain('deadlock');
    }
  });
});
