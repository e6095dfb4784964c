/**
 * The API description matches the runtime: every function, constant and table a module
 * exports is described, and everything described exists (both directions, asserted in Lua's
 * own view of the modules).
 */
import { describe, expect, it } from 'vitest';
import { lua } from '../runtime/run-for-test.ts';
import { LUA_API } from './lua-api.ts';

const STANDARD_COROUTINE = [
  'create',
  'isyieldable',
  'resume',
  'running',
  'status',
  'wrap',
  'yield',
];

describe('lua-api.ts against the runtime', () => {
  it('describes exactly what each module exports', async () => {
    const names = LUA_API.modules.map((m) => `"${m.name}"`).join(', ');
    const result = await lua(`
      for _, name in ipairs({${names}}) do
        local keys = {}
        for k in pairs(require(name)) do keys[#keys + 1] = k end
        table.sort(keys)
        print(name .. "=" .. table.concat(keys, ","))
      end`);
    expect(result.end).toEqual({ status: 'finished' });
    for (const line of result.lines) {
      const [name, list] = line.split('=');
      const actual = list
        .split(',')
        .filter((k) => !(name === 'coroutine' && STANDARD_COROUTINE.includes(k)));
      const mod = LUA_API.modules.find((m) => m.name === name)!;
      const described = [
        ...mod.functions.map((f) => f.name),
        ...mod.constants.map((c) => c.name),
        ...mod.tables.map((t) => t.name),
      ];
      expect(actual.sort(), name).toEqual(described.sort());
    }
  });

  it('describes the methods of channels and errors that exist', async () => {
    const methods = (mod: string, cls: string) =>
      LUA_API.modules
        .find((m) => m.name === mod)!
        .classes.find((c) => c.name === cls)!
        .methods.map((f) => f.name);
    const check = (v: string, list: string[]) =>
      list.map((n) => `print("${v}:${n}", type(${v}.${n}))`).join('\n');
    const result = await lua(`
      local ch = channel.new(1)
      local err = errors.new{kind = errors.TIMEOUT, message = "x"}
      ${check('ch', methods('channel', 'channel'))}
      ${check('err', methods('errors', 'error'))}`);
    expect(result.lines.length).toBeGreaterThan(0);
    for (const line of result.lines) expect(line, line).toMatch(/\tfunction$/);
  });
});
