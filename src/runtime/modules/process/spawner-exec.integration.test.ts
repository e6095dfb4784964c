/**
 * `spawner:exec(id, host, ...)` (en/lua/core/process.md "Spawner Exec"): `process.exec` under
 * the spawner's context, actor and scope, asserted in Lua on a real node.
 */
import { describe, it } from 'vitest';
import { passes } from '../../../process/inline-project.ts';

const INDEX = `
version: "1.0"
namespace: app
entries:
  - { name: processes, kind: process.host }
  - { name: worker, kind: process.lua, source: file://worker.lua, modules: [ctx, security] }
  - { name: failing, kind: process.lua, source: file://failing.lua }
  - { name: main, kind: process.lua, source: file://main.lua, modules: [security] }
`;

const WORKER = `
  local function main(n)
    local actor = security.actor()
    return { request_id = ctx.get("request_id"), actor = actor and actor:id(), twice = n * 2 }
  end
  return { main = main }`;

function run(body: string): Promise<string[]> {
  return passes(
    {
      '_index.yaml': INDEX,
      'worker.lua': WORKER,
      'failing.lua': 'return { main = function() error("no luck", 0) end }',
      'main.lua': `local function main()\n${body}\nend\nreturn { main = main }`,
    },
    'app:main',
  );
}

describe('spawner:exec', () => {
  it("runs the entry under the spawner's context and actor and returns its value", async () => {
    await run(`
      local spawner = process.with_context({ request_id = "123" })
        :with_actor(security.new_actor("user-1"))
      local r, err = spawner:exec("app:worker", "app:processes", 21)
      assert(err == nil, tostring(err))
      assert(r.request_id == "123", tostring(r.request_id))
      assert(r.actor == "user-1", tostring(r.actor))
      assert(r.twice == 42)
    `);
  });

  it('returns nil and the error of an entry that fails, and checks its arguments', async () => {
    await run(`
      local spawner = process.with_context({})
      local r, err = spawner:exec("app:failing", "app:processes")
      assert(r == nil and tostring(err) == "no luck", tostring(err))
      local r2, err2 = spawner:exec("app:worker")
      assert(r2 == nil and err2:kind() == errors.INVALID)
      assert(err2:message() == "exec requires id and host arguments", err2:message())
    `);
  });
});
