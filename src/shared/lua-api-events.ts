/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the `events` module
 * (runtime/lua/modules/events; src/runtime/modules/events.ts).
 */
import type { LuaModule } from './lua-api-types.ts';

export const EVENTS_MODULE: LuaModule = {
  name: 'events',
  doc: "The run's event bus (not a process's own `process.events()`): any process may send events and subscribe to them by system. Available to entries that list `events` in `modules:`.",
  global: false,
  functions: [
    {
      name: 'subscribe',
      signature: 'events.subscribe(system [, kind])',
      params: [
        {
          name: 'system',
          type: 'string',
          doc: '`*` for every system, `prefix*` for systems that start with the prefix, else the exact system.',
        },
        {
          name: 'kind',
          type: 'string',
          optional: true,
          doc: 'Only this kind (same pattern rule); none or `*` for every kind.',
        },
      ],
      returns: 'Subscription, nil | nil, err',
      doc: "Subscribes; the subscription's channel receives `{system, kind, path, data}` tables. Fails (Invalid) for an empty system.",
    },
    {
      name: 'send',
      signature: 'events.send(system, kind, path [, data])',
      params: [
        { name: 'system', type: 'string', doc: 'Non-empty.' },
        { name: 'kind', type: 'string', doc: 'Non-empty.' },
        { name: 'path', type: 'string', doc: 'Non-empty.' },
        {
          name: 'data',
          type: 'any',
          optional: true,
          doc: 'Copied at the send; a table arrives as a list (when it has positive integer keys) or a string-keyed map.',
        },
      ],
      returns: 'true, nil | nil, err',
      doc: 'Sends an event to every matching subscription. Fails (Invalid) when system, kind or path is empty.',
    },
  ],
  constants: [],
  tables: [],
  classes: [
    {
      name: 'Subscription',
      doc: 'From `events.subscribe`; while it is open its process idles (never deadlocks) waiting for events.',
      methods: [
        {
          name: 'channel',
          signature: 'sub:channel()',
          params: [],
          returns: 'channel',
          doc: 'The same channel on every call, receiving event tables in the order they were sent.',
        },
        {
          name: 'close',
          signature: 'sub:close()',
          params: [],
          returns: 'true',
          doc: 'Stops the deliveries and closes the channel; closing again is a no-op.',
        },
      ],
    },
    {
      name: 'event',
      doc: 'What a subscription channel receives.',
      methods: [],
      fields: [
        { name: 'system', type: 'string', doc: 'The system it was sent to.' },
        { name: 'kind', type: 'string', doc: 'Its kind.' },
        { name: 'path', type: 'string', doc: 'Its path.' },
        { name: 'data', type: 'any', optional: true, doc: 'The data sent, if any.' },
      ],
    },
  ],
  errors: [{ condition: 'empty system, kind or path', kind: 'INVALID', retryable: false }],
};
