/**
 * Part of the Lua API description (`lua-api.ts`): the supporting modules channel, time, json.
 * Split out only to keep each file readable; `LUA_API` in lua-api.ts is the one entry point.
 */
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

export const JSON_MODULE: LuaModule = {
  name: 'json',
  doc: 'JSON encoding and decoding; objects and arrays are Lua tables.',
  global: true,
  functions: [
    {
      name: 'encode',
      signature: 'json.encode(value)',
      params: [
        { name: 'value', type: 'any', doc: 'A table, string, number, boolean or `json.null`.' },
      ],
      returns: 'string',
      doc: 'Encodes a value as JSON text.',
    },
    {
      name: 'decode',
      signature: 'json.decode(text)',
      params: [{ name: 'text', type: 'string', doc: 'JSON text.' }],
      returns: 'value | nil, err',
      doc: 'Decodes JSON text; invalid input returns `nil, err` (kind INVALID).',
    },
  ],
  constants: [
    {
      name: 'null',
      value: 'json.null',
      doc: 'Stands for JSON `null` (a Lua `nil` cannot sit in a table).',
    },
  ],
  tables: [],
  classes: [],
};
