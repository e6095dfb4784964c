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
          doc: 'Buffer size in values (default 0 = unbuffered); a fraction is truncated, a negative size is 0 (with a warning).',
        },
      ],
      returns: 'channel',
      doc: 'Creates a channel.',
    },
    {
      name: 'select',
      signature: 'channel.select(cases [, default])',
      params: [
        {
          name: 'cases',
          type: 'table',
          doc: 'Cases from `ch:case_receive()` / `ch:case_send(v)`; `default = true` in it makes the select non-blocking. Other values are ignored (with a warning).',
        },
        {
          name: 'default',
          type: 'boolean',
          optional: true,
          doc: '`true`: the same as `default = true`.',
        },
      ],
      returns: '{channel=, value=, ok=} | {default=true, ok=true}',
      doc: 'Takes the first ready case in table order, or waits until one is ready. `value` is the value received or sent; `ok` is false for a closed channel. With no case and no default it waits for ever.',
    },
  ],
  constants: [],
  tables: [],
  classes: [
    {
      name: 'channel',
      doc: 'A channel from `channel.new`, `client:channel()` or `time.after`; all are ordinary channels.',
      methods: [
        {
          name: 'send',
          signature: 'ch:send(value)',
          params: [{ name: 'value', type: 'any', doc: 'The value to send (nil when left out).' }],
          returns: 'true',
          doc: 'Sends a value; blocks the calling thread while the channel is full. Raises on a closed channel.',
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
          returns: 'nothing',
          doc: "Closes the channel; buffered values stay readable. Closing twice does nothing. On a connection's channel it stops the delivery (the connection stays open).",
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
