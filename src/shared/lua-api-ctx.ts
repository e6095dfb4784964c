/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the `ctx` module
 * (runtime/lua/modules/ctx; src/runtime/modules/ctx.ts).
 */
import type { LuaModule } from './lua-api-types.ts';

export const CTX_MODULE: LuaModule = {
  name: 'ctx',
  doc: 'The context values a process or function was started with (`process.with_context`, `funcs.new():with_context`), inherited by what it starts. Values come back as the platform gives them back: integers as floats, tables as lists or string-keyed maps. Available to entries that list `ctx` in `modules:`.',
  global: false,
  functions: [
    {
      name: 'get',
      signature: 'ctx.get(key)',
      params: [{ name: 'key', type: 'string', doc: 'A context key.' }],
      returns: 'value, nil | nil, err',
      doc: 'The value of `key`; NotFound `key not found: KEY` when absent, Invalid `empty key` for "".',
    },
    {
      name: 'all',
      signature: 'ctx.all()',
      params: [],
      returns: 'table, nil',
      doc: 'Every context value, by key (an empty table when there are none).',
    },
  ],
  constants: [],
  tables: [],
  classes: [],
  errors: [
    { condition: 'empty key', kind: 'INVALID', retryable: false },
    { condition: 'key not set', kind: 'NOT_FOUND', retryable: false },
  ],
};
