/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the `funcs` module with
 * its Executor and Future types (runtime/lua/modules/{funcs,future}; src/runtime/modules/funcs/).
 */
import type { LuaFunctionDoc, LuaModule, LuaParam } from './lua-api-types.ts';

const target: LuaParam = {
  name: 'id',
  type: 'string',
  doc: 'The entry to call, `namespace:name`: a `function.lua` entry, or a `process.lua` entry with `meta.default_host` (or `meta.options.default_host`).',
};
const args: LuaParam = {
  name: '...',
  type: 'any',
  optional: true,
  doc: "The function's arguments, copied at the call as messages are (functions and userdata other than errors arrive as nil, with a warning).",
};

const callDoc =
  "Runs the function as a short-lived process with the caller's context (values, actor, scope) and waits for it; other tasks of the process run meanwhile. Returns its first return value. Invalid ids fail with `function ID required`, `namespace required in function ID` or `name required in function ID`; the function's own error comes back with its kind and message.";
const asyncDoc =
  'Starts the function like `call` and returns a Future at once; its channel receives the result as a Payload (or the error object).';

function callFn(name: 'call' | 'async', prefix: string, doc: string): LuaFunctionDoc {
  return {
    name,
    signature: `${prefix}${name}(id, ...)`,
    params: [target, args],
    returns: name === 'call' ? 'value, nil | nil, err' : 'Future | nil, err',
    doc,
  };
}

function withFn(name: string, param: LuaParam, doc: string): LuaFunctionDoc {
  return {
    name,
    signature: `exec:${name}(${param.name})`,
    params: [param],
    returns: 'Executor',
    doc,
  };
}

export const FUNCS_MODULE: LuaModule = {
  name: 'funcs',
  doc: 'Calls function entries of the project (each call a short-lived process of the run): `funcs.call` waits for the result, `funcs.async` returns a Future, `funcs.new()` an Executor that calls with extra context. Available to entries that list `funcs` in `modules:`.',
  global: false,
  functions: [
    callFn('call', 'funcs.', callDoc),
    callFn('async', 'funcs.', asyncDoc),
    {
      name: 'new',
      signature: 'funcs.new()',
      params: [],
      returns: 'Executor',
      doc: 'An Executor with no extra context: its `call` and `async` are those of the module.',
    },
  ],
  constants: [],
  tables: [],
  classes: [
    {
      name: 'Executor',
      doc: 'How to call: context values, actor, scope, options. Immutable: each `with_*` returns a new Executor.',
      methods: [
        withFn(
          'with_context',
          {
            name: 'values',
            type: 'table',
            doc: 'String keys and their values (copied); other keys are ignored.',
          },
          "Context values for the called function (`ctx.get`), over the caller's own.",
        ),
        withFn(
          'with_actor',
          { name: 'actor', type: 'Actor', doc: 'From `security.new_actor` or `security.actor()`.' },
          'The security actor the function runs as (`security.actor()` in it).',
        ),
        withFn(
          'with_scope',
          { name: 'scope', type: 'Scope', doc: 'From `security.new_scope` or `security.scope()`.' },
          'The security scope the function runs with.',
        ),
        withFn(
          'with_options',
          {
            name: 'options',
            type: 'table',
            doc: '`timeout`: milliseconds (`{timeout = 5000}`) or a duration string (`"1.5s"`); 0 is none. `retry`: `{max_attempts=, initial_delay=, max_delay=, backoff_factor=, jitter=, retry_kinds=, skip_kinds=}` (delays in ms or duration strings; defaults 100 ms, 10 s, 2, 0.1). Other keys are kept, not applied (a warning says so). A key the called entry declares in its `meta.options` applies unless given here (the platform merges them, the call winning).',
          },
          "Call options, replacing earlier ones. With `retry.max_attempts` above 1, a failed call runs again after growing waits (from `initial_delay * backoff_factor`, capped at `max_delay`, ±`jitter`), unless its error is not retryable, is in `skip_kinds`, is not in `retry_kinds` when that is given, or (by default) is Invalid, PermissionDenied or Internal (a raised error counts as Internal); the last error is returned. Past the timeout (which covers the retries) the call ends with `nil, err` (kind TIMEOUT, retryable, `context deadline exceeded`; an async call's Future receives that error) and the running function is canceled.",
        ),
        callFn('call', 'exec:', "As `funcs.call`, with the executor's context."),
        callFn('async', 'exec:', "As `funcs.async`, with the executor's context."),
      ],
    },
    {
      name: 'Future',
      doc: 'The pending result of `funcs.async`.',
      methods: [
        {
          name: 'response',
          signature: 'f:response()',
          params: [],
          returns: 'channel',
          doc: 'The same channel on every call; it receives the result once: a Payload (`p:data()`), or the error object.',
        },
        {
          name: 'channel',
          signature: 'f:channel()',
          params: [],
          returns: 'channel',
          doc: 'Another name of `response` (for `channel.select`).',
        },
        {
          name: 'is_complete',
          signature: 'f:is_complete()',
          params: [],
          returns: 'boolean',
          doc: 'Whether the call has ended.',
        },
        {
          name: 'is_canceled',
          signature: 'f:is_canceled()',
          params: [],
          returns: 'boolean',
          doc: 'Whether `cancel` was called.',
        },
        {
          name: 'result',
          signature: 'f:result()',
          params: [],
          returns: 'Payload, nil | nil, nil | nil, err',
          doc: 'The result once complete; `nil, nil` while pending; `nil, err` for an error, or a Canceled error after `cancel`.',
        },
        {
          name: 'error',
          signature: 'f:error()',
          params: [],
          returns: 'err, true | nil, false',
          doc: 'The call\'s error, wrapped as kind Internal "async call failed", once it ended with one.',
        },
        {
          name: 'cancel',
          signature: 'f:cancel()',
          params: [],
          returns: 'true, nil',
          doc: 'Marks the future canceled and sends the call a CANCEL event (best effort: the function stops only if it reads its events).',
        },
      ],
    },
  ],
  errors: [
    { condition: 'bad function id', kind: 'INVALID', retryable: false },
    { condition: 'no such function entry', kind: 'NOT_FOUND', retryable: false },
    { condition: "the function's own error", kind: '(its own)', retryable: false },
    { condition: '`f:result()` after `cancel`', kind: 'CANCELED', retryable: false },
    { condition: "past the executor's `timeout`", kind: 'TIMEOUT', retryable: true },
  ],
};
