/**
 * Immutable library tables under wippy (row errors | `string.x = 1` … "attempt to modify
 * Immutable table": wippyai/runtime `cached_libs.go`). The libraries mark their tables with
 * `markImmutable`; the engine check that enforces the flag is the vm branch's, so these cases
 * run once the engine refuses a write to a marked table (checked below), and are skipped, with
 * that reason, before.
 */
import { describe, expect, it } from 'vitest';
import { printed } from './run-wippy.ts';

const probe = await printed(
  'local t = table.freeze({}) print(select(2, pcall(function() t.x = 1 end)) or "allowed")',
);
const engineEnforces = probe[0] !== 'allowed';

describe('immutable library tables (wippy)', () => {
  it('marks the library tables and table.freeze results as frozen', async () => {
    expect(
      await printed(`
        local names = {}
        for _, name in ipairs({"table", "math", "coroutine", "string", "errors", "os", "package", "json", "time", "channel", "websocket"}) do
          names[#names + 1] = name .. "=" .. tostring(table.isfrozen(_G[name]))
        end
        print(table.concat(names, " "))
        print(tostring(table.isfrozen(_G)), tostring(table.isfrozen({})))
      `),
    ).toEqual([
      'table=true math=true coroutine=true string=true errors=true os=true package=true json=true time=true channel=true websocket=true',
      'false false',
    ]);
  });

  it.runIf(engineEnforces)(
    'refuses writes to library tables (needs the engine check of the vm branch)',
    async () => {
      const lines = await printed(`
        for _, write in ipairs({
          function() string.x = 1 end,
          function() math.pi = 3 end,
          function() function string.trim() end end,
          function() table.insert = print end,
          function() rawset(os, "exit", print) end,
        }) do
          print((select(2, pcall(write)):gsub("^main.lua:%d+: ", "")))
        end
      `);
      expect(lines).toEqual(Array(5).fill('attempt to modify Immutable table'));
    },
  );

  it('leaves _G writable', async () => {
    expect(await printed('x = 1 _G.y = 2 print(x + y)')).toEqual(['3']);
  });
});
