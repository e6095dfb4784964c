/** Part of the Lua API description (`lua-api.ts`, the one entry point): the `errors` module and its kinds. */
import type { LuaErrorKind, LuaModule } from './lua-api-types.ts';

export const ERROR_KINDS: LuaErrorKind[] = [
  { name: 'UNKNOWN', doc: 'An error of no known kind.', retryableByDefault: false },
  { name: 'INVALID', doc: 'Bad URL, option or argument.', retryableByDefault: false },
  { name: 'NOT_FOUND', doc: 'Something named does not exist.', retryableByDefault: false },
  { name: 'ALREADY_EXISTS', doc: 'Something to create exists already.', retryableByDefault: false },
  { name: 'PERMISSION_DENIED', doc: 'Denied by the security policy.', retryableByDefault: false },
  { name: 'UNAVAILABLE', doc: 'A service is not reachable now.', retryableByDefault: true },
  {
    name: 'INTERNAL',
    doc: 'Connection failures and lost runtime context.',
    retryableByDefault: false,
  },
  { name: 'CANCELED', doc: 'The operation was canceled.', retryableByDefault: false },
  { name: 'CONFLICT', doc: 'A conflicting concurrent change.', retryableByDefault: false },
  { name: 'TIMEOUT', doc: 'A deadline passed (e.g. `write_timeout`).', retryableByDefault: true },
  { name: 'RATE_LIMITED', doc: 'Too many requests.', retryableByDefault: true },
];

export const ERRORS_MODULE: LuaModule = {
  name: 'errors',
  doc: 'Error objects with a stable kind. `tostring(err)` gives `KIND: message`.',
  global: true,
  functions: [
    {
      name: 'new',
      signature: 'errors.new{kind=, message=, retryable=}',
      params: [
        { name: 'kind', type: 'string', doc: 'One of the kinds below, e.g. `errors.TIMEOUT`.' },
        { name: 'message', type: 'string', doc: 'Plain words naming the cause.' },
        {
          name: 'retryable',
          type: 'boolean',
          optional: true,
          doc: 'Whether trying again may help.',
        },
      ],
      returns: 'err',
      doc: 'Creates an error object.',
    },
    {
      name: 'is',
      signature: 'errors.is(err, kind)',
      params: [
        { name: 'err', type: 'error', doc: 'An error object (or any value).' },
        { name: 'kind', type: 'string', doc: 'A kind constant, e.g. `errors.PERMISSION_DENIED`.' },
      ],
      returns: 'boolean',
      doc: 'Whether `err` is an error of that kind.',
    },
  ],
  constants: ERROR_KINDS.map((k) => ({ name: k.name, value: k.name, doc: k.doc })),
  tables: [],
  classes: [
    {
      name: 'error',
      doc: 'An error object as returned in `nil, err`.',
      methods: [
        {
          name: 'kind',
          signature: 'err:kind()',
          params: [],
          returns: 'string',
          doc: 'The kind, e.g. "PERMISSION_DENIED".',
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
          returns: 'boolean',
          doc: 'Whether trying again may succeed (e.g. a refused connection).',
        },
      ],
    },
  ],
};
