/** Part of the Lua API description (`lua-api.ts`, the one entry point): the `channel` module. */
import type { LuaModule } from './lua-api-types.ts';

export const CHANNEL_MODULE: LuaModule = {
  name: 'channel',
  doc: 'Go-style channels between Lua threads; the receive side of every socket.',
  global: true,
  functions: [
    {
      name: 'new',
      signature: 'channel.new([capacity])',
      params: [
        {
          name: 'capacity',
          type: 'number',
          optional: true,
          doc: 'Buffer size in values (0 = unbuffered).',
        },
      ],
      returns: 'channel',
      doc: 'Creates a channel.',
    },
    {
      name: 'select',
      signature: 'channel.select{cases...}',
      params: [
        {
          name: 'cases',
          type: 'table',
          doc: 'Cases from `ch:case_receive()` / `ch:case_send(v)`; `default = true` makes it non-blocking.',
        },
      ],
      returns: '{channel=, value=, ok=} | {default=true}',
      doc: 'Blocks until one case can proceed (fair choice among ready cases) and returns which one.',
    },
  ],
  constants: [],
  tables: [],
  classes: [
    {
      name: 'channel',
      doc: 'A channel from `channel.new`, `client:channel()` or `time.after`.',
      methods: [
        {
          name: 'send',
          signature: 'ch:send(value)',
          params: [{ name: 'value', type: 'any', doc: 'The value to send.' }],
          returns: 'true',
          doc: 'Sends a value; blocks the calling thread while the channel is full.',
        },
        {
          name: 'receive',
          signature: 'ch:receive()',
          params: [],
          returns: 'value, ok',
          doc: 'Receives the next value; `nil, false` once the channel is closed and drained.',
        },
        {
          name: 'close',
          signature: 'ch:close()',
          params: [],
          returns: 'true',
          doc: 'Closes the channel; buffered values stay readable.',
        },
        {
          name: 'case_send',
          signature: 'ch:case_send(value)',
          params: [{ name: 'value', type: 'any', doc: 'The value to send when chosen.' }],
          returns: 'case',
          doc: 'A send case for `channel.select`.',
        },
        {
          name: 'case_receive',
          signature: 'ch:case_receive()',
          params: [],
          returns: 'case',
          doc: 'A receive case for `channel.select`.',
        },
      ],
    },
  ],
};
