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

/** Modules only the wippy dialect has (src/process/libraries.ts). */
const WIPPY_ONLY = ['uuid', 'hash'];

describe('lua-api.ts against the runtime', () => {
  it.each([
    ['lua53', (name: string) => !WIPPY_ONLY.includes(name)],
    ['wippy', (name: string) => WIPPY_ONLY.includes(name)],
  ] as const)('describes exactly what each module exports (%s)', async (dialect, included) => {
    // A module whose value is an object (logger) exports methods: its class is checked below.
    const names = LUA_API.modules
      .filter((m) => m.functions.length + m.constants.length + m.tables.length > 0)
      .filter((m) => included(m.name))
      .map((m) => `"${m.name}"`)
      .join(', ');
    const result = await lua(
      `
      for _, name in ipairs({${names}}) do
        local keys = {}
        for k in pairs(require(name)) do keys[#keys + 1] = k end
        table.sort(keys)
        print(name .. "=" .. table.concat(keys, ","))
      end`,
      { dialect },
    );
    expect(result.end).toEqual({ status: 'finished' });
    // stdout only: the wippy dialect warns that `pairs` order varies (lines `[warn] …`).
    const printed = result.lines.filter((line) => !line.startsWith('['));
    expect(printed).toHaveLength(names.split(',').length);
    for (const line of printed) {
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

  it('describes exactly what the sub-tables hold (process.registry, process.event)', async () => {
    const process = LUA_API.modules.find((m) => m.name === 'process')!;
    const result = await lua(`
      for _, name in ipairs({"registry", "event"}) do
        local keys = {}
        for k, v in pairs(process[name]) do keys[#keys + 1] = k .. ":" .. tostring(v) end
        table.sort(keys)
        print(name .. "=" .. table.concat(keys, ","))
      end`);
    expect(result.end).toEqual({ status: 'finished' });
    for (const line of result.lines) {
      const [name, list] = line.split('=');
      const table = process.tables.find((t) => t.name === name)!;
      const actual = list.split(',').map((k) => k.replace(/:function: .*$/, ':function'));
      const described = [
        ...table.members.map((c) => `${c.name}:${c.value}`),
        ...(table.functions ?? []).map((f) => `${f.name}:function`),
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
      local logger = require("logger")
      local spawner = process.with_context({})
      process.send(process.pid(), "t", 1)
      local msg = process.inbox():receive()
      ${check('ch', methods('channel', 'channel'))}
      ${check('err', methods('errors', 'error'))}
      ${check('logger', methods('logger', 'Logger'))}
      ${check('spawner', methods('process', 'Spawner'))}
      ${check('msg', methods('process', 'Message'))}`);
    expect(result.lines.length).toBeGreaterThan(0);
    for (const line of result.lines) expect(line, line).toMatch(/\tfunction$/);
  });
});
