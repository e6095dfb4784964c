/** Part of the Lua API description (`lua-api.ts`, the one entry point): the `time` module. */
import type { LuaModule } from './lua-api-types.ts';

export const TIME_MODULE: LuaModule = {
  name: 'time',
  doc: 'Timers and the clock. Durations are milliseconds or Go duration strings ("30s").',
  global: true,
  functions: [
    {
      name: 'after',
      signature: 'time.after(d)',
      params: [{ name: 'd', type: 'number|string', doc: 'Duration: ms or "5s", "1m30s".' }],
      returns: 'channel',
      doc: 'A channel that receives one value after `d`.',
    },
    {
      name: 'sleep',
      signature: 'time.sleep(d)',
      params: [{ name: 'd', type: 'number|string', doc: 'Duration: ms or "250ms".' }],
      returns: 'nothing',
      doc: 'Suspends the calling thread for `d`; other threads keep running.',
    },
    {
      name: 'now',
      signature: 'time.now()',
      params: [],
      returns: 'number',
      doc: 'The current time.',
    },
  ],
  constants: [],
  tables: [],
  classes: [],
};
