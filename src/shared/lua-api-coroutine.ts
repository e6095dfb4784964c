/** Part of the Lua API description (`lua-api.ts`, the one entry point): the `coroutine` module. */
import type { LuaModule } from './lua-api-types.ts';

export const COROUTINE_MODULE: LuaModule = {
  name: 'coroutine',
  doc: "Lua's coroutine library, plus `spawn` for concurrent tasks within a run.",
  global: true,
  functions: [
    {
      name: 'spawn',
      signature: 'coroutine.spawn(fn, ...)',
      params: [
        { name: 'fn', type: 'function', doc: 'The task body.' },
        { name: '...', type: 'any', optional: true, doc: 'Arguments passed to `fn`.' },
      ],
      returns: 'nothing',
      doc: 'Runs `fn` as a concurrent task of the same run (e.g. to read two sockets at once).',
      addition: true,
    },
  ],
  constants: [],
  tables: [],
  classes: [],
};
