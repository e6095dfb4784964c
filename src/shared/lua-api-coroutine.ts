/** Part of the Lua API description (`lua-api.ts`, the one entry point): the `coroutine` module. */
import type { LuaModule } from './lua-api-types.ts';

export const COROUTINE_MODULE: LuaModule = {
  name: 'coroutine',
  doc: "Lua's coroutine library, plus the platform's `spawn` for concurrent tasks within a run. At the top level the main chunk is Lua's main thread (`coroutine.isyieldable()` is false) while blocking calls still let other tasks run; the run ends, and every task with it, when the main chunk returns.",
  global: true,
  functions: [
    {
      name: 'spawn',
      signature: 'coroutine.spawn(fn)',
      params: [
        {
          name: 'fn',
          type: 'function',
          doc: 'The task body, called with no arguments (extra ones are ignored, with a warning: use a closure).',
        },
      ],
      returns: 'thread',
      doc: 'Runs `fn` as a concurrent task of the same run (e.g. to read two sockets at once); it starts before the caller goes on.',
    },
  ],
  constants: [],
  tables: [],
  classes: [],
};
