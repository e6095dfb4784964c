/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the platform's `logger`
 * (runtime/lua/modules/logger; src/runtime/modules/logger.ts). The module's value is itself a
 * Logger, so its calls are methods: `logger:info(...)`.
 */
import type { LuaFunctionDoc, LuaModule } from './lua-api-types.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';

function level(name: Level): LuaFunctionDoc {
  const errorNote =
    name === 'error' ? ' An `error` field holding an error value shows its text.' : '';
  return {
    name,
    signature: `logger:${name}(message [, fields])`,
    params: [
      { name: 'message', type: 'string', doc: 'The message.' },
      {
        name: 'fields',
        type: 'table',
        optional: true,
        doc: 'String keys: strings, numbers and booleans as they are, tables as JSON, errors and other values as their text; other keys are left out.',
      },
    ],
    returns: '(nothing)',
    doc: `Logs at ${name.toUpperCase()} level. The playground prints one console line, \`${name.toUpperCase()} name: message {"pid":…,"key":…}\`, fields sorted by key (a Lua table has no order); the platform writes to its host's log.${errorNote}`,
  };
}

export const LOGGER_MODULE: LuaModule = {
  name: 'logger',
  doc: 'Structured logging: `require("logger")` is a Logger with no name whose lines carry the pid. Available to entries that list `logger` in `modules:`, and `require`-able in a lone script.',
  global: false,
  functions: [],
  constants: [],
  tables: [],
  classes: [
    {
      name: 'Logger',
      doc: 'A logger: a name and fields added to each line. `with` and `named` return a new Logger; the original is unchanged.',
      methods: [
        level('debug'),
        level('info'),
        level('warn'),
        level('error'),
        {
          name: 'with',
          signature: 'logger:with(fields)',
          params: [{ name: 'fields', type: 'table', doc: 'Fields added to every line.' }],
          returns: 'Logger',
          doc: 'A child logger whose lines carry these fields too.',
        },
        {
          name: 'named',
          signature: 'logger:named(name)',
          params: [
            {
              name: 'name',
              type: 'string',
              doc: 'Non-empty (else raises `name cannot be empty`).',
            },
          ],
          returns: 'Logger',
          doc: 'A child logger whose name is `parent.name` (or `name` for the root).',
        },
      ],
    },
  ],
};
