/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the `errors` module and
 * its kinds. `ERROR_KIND_VALUES` is the one place the kind strings live: the runtime's errors
 * (src/runtime/modules/errors.ts) read them from here. They are the platform's
 * (wippyai/go-lua `error.go`, `Kind` constants; `UNKNOWN` is the empty string).
 */
import type { LuaErrorKind, LuaModule } from './lua-api-types.ts';

export const ERROR_KIND_VALUES = {
  UNKNOWN: '',
  INVALID: 'Invalid',
  NOT_FOUND: 'NotFound',
  ALREADY_EXISTS: 'AlreadyExists',
  PERMISSION_DENIED: 'PermissionDenied',
  UNAVAILABLE: 'Unavailable',
  INTERNAL: 'Internal',
  CANCELED: 'Canceled',
  CONFLICT: 'Conflict',
  TIMEOUT: 'Timeout',
  RATE_LIMITED: 'RateLimited',
} as const;

/** A kind by its constant's name, as the runtime's modules name them: `'INVALID'`. */
export type ErrorKindName = keyof typeof ERROR_KIND_VALUES;

const kind = (name: ErrorKindName, doc: string, retryableByDefault = false): LuaErrorKind => ({
  name,
  value: ERROR_KIND_VALUES[name],
  doc,
  retryableByDefault,
});

export const ERROR_KINDS: LuaErrorKind[] = [
  kind('UNKNOWN', 'An error of no known kind (the empty string).'),
  kind('INVALID', 'Bad URL, option or argument.'),
  kind('NOT_FOUND', 'Something named does not exist.'),
  kind('ALREADY_EXISTS', 'Something to create exists already.'),
  kind('PERMISSION_DENIED', 'Denied by the security policy.'),
  kind('UNAVAILABLE', 'A service is not reachable now.', true),
  kind('INTERNAL', 'Connection failures, encode/decode failures, lost runtime context.'),
  kind('CANCELED', 'The operation was canceled.'),
  kind('CONFLICT', 'A conflicting concurrent change.'),
  kind('TIMEOUT', 'A deadline passed (e.g. `write_timeout`).', true),
  kind('RATE_LIMITED', 'Too many requests.', true),
];

export const ERRORS_MODULE: LuaModule = {
  name: 'errors',
  doc:
    'Error objects with a kind, a message, a retryable flag and details. `tostring(err)` is the ' +
    'message, and `"text: " .. err` concatenates it. Compare kinds through the constants ' +
    '(`err:kind() == errors.INVALID`), never through literals.',
  global: true,
  functions: [
    {
      name: 'new',
      signature: 'errors.new(message) | errors.new{message=, kind=, retryable=, details=}',
      params: [
        {
          name: 'message',
          type: 'string',
          doc: 'Plain words naming the cause; required in the table form.',
        },
        {
          name: 'kind',
          type: 'string',
          optional: true,
          doc: 'Any string, usually a constant such as `errors.TIMEOUT`; default `errors.UNKNOWN` ("").',
        },
        {
          name: 'retryable',
          type: 'boolean',
          optional: true,
          doc: 'Whether trying again may help; unset means unknown (`err:retryable()` is nil).',
        },
        {
          name: 'details',
          type: 'table',
          optional: true,
          doc: 'Structured data (string keys; values copied), returned by `err:details()`.',
        },
      ],
      returns: 'err',
      doc: 'Creates an error object. A field of the wrong type is ignored, with a warning, as the platform ignores it; the `(kind, message)` form does not exist.',
    },
    {
      name: 'wrap',
      signature: 'errors.wrap(err, context)',
      params: [
        { name: 'err', type: 'error|string', doc: 'The error to wrap (or a message).' },
        { name: 'context', type: 'string|error', doc: 'What was being done, e.g. "load users".' },
      ],
      returns: 'err',
      doc: "A new error with the same message, kind, retryable flag and details, and `context` on top of `err:stack()`. Wrapping it again puts this context in front of the message (`context: message`), as the platform's does.",
    },
    {
      name: 'is',
      signature: 'errors.is(err, kind)',
      params: [
        { name: 'err', type: 'error', doc: 'An error object (or any value).' },
        { name: 'kind', type: 'string', doc: 'A kind constant, e.g. `errors.PERMISSION_DENIED`.' },
      ],
      returns: 'boolean',
      doc: 'Whether `err` is an error of that kind (`false` for anything that is not an error).',
    },
    {
      name: 'call_stack',
      signature: 'errors.call_stack(err)',
      params: [{ name: 'err', type: 'error', doc: 'An error object (or any value).' }],
      returns: '{thread=, frames={{level=, source=, line=, name=, type=}, ...}} | nil',
      doc: 'The Lua call stack where the error was made, innermost frame first; nil for anything else.',
    },
  ],
  constants: ERROR_KINDS.map((k) => ({ name: k.name, value: k.value, doc: k.doc })),
  tables: [],
  classes: [
    {
      name: 'error',
      doc: 'An error object as returned in `nil, err`; `tostring(err)` is its message.',
      methods: [
        {
          name: 'kind',
          signature: 'err:kind()',
          params: [],
          returns: 'string',
          doc: 'The kind, e.g. `"PermissionDenied"` (`errors.PERMISSION_DENIED`); `""` when unknown.',
        },
        {
          name: 'message',
          signature: 'err:message()',
          params: [],
          returns: 'string',
          doc: 'The message in plain words.',
        },
        {
          name: 'retryable',
          signature: 'err:retryable()',
          params: [],
          returns: 'boolean | nil',
          doc: 'Whether trying again may succeed (e.g. a refused connection); nil when unknown.',
        },
        {
          name: 'details',
          signature: 'err:details()',
          params: [],
          returns: 'table | nil',
          doc: 'A copy of the details given to `errors.new`; nil when there are none.',
        },
        {
          name: 'stack',
          signature: 'err:stack()',
          params: [],
          returns: 'string',
          doc: 'The Lua stack where the error was made (and each wrap), one `  source:line (name)` per frame.',
        },
      ],
    },
  ],
};
