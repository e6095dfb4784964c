/**
 * Immutable library tables under wippy (row errors | `string.x = 1` … "attempt to modify
 * Immutable table": wippyai/runtime `cached_libs.go`). The libraries mark their tables with
 * `markImmutable`; the engine patch refuses every write to a marked table (docs/engine.md).
 */
import { describe, expect, it } from 'vitest';
import { printed } from './run-wippy.ts';

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

  it('refuses writes to library tables', async () => {
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
  });

  it('leaves _G writable', async () => {
    expect(await printed('x = 1 _G.y = 2 print(x + y)')).toEqual(['3']);
  });
});
