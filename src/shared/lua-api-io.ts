/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the platform's terminal
 * `io` module (runtime/lua/modules/io; src/runtime/modules/terminal-io.ts), not Lua's standard
 * `io`, which the platform's dialect removes.
 */
import type { LuaFunctionDoc, LuaModule } from './lua-api-types.ts';

const NO_TERMINAL = ' Off a terminal host: `nil, "no terminal context"` (Unavailable).';

function output(name: 'print' | 'eprint' | 'write', doc: string): LuaFunctionDoc {
  return {
    name,
    signature: `io.${name}(...)`,
    params: [
      {
        name: '...',
        type: 'any',
        optional: true,
        doc: 'Values, shown as `tostring` shows them.',
      },
    ],
    returns: 'true | nil, err',
    doc: doc + NO_TERMINAL,
  };
}

export const IO_MODULE: LuaModule = {
  name: 'io',
  doc: "Terminal output and input of a process on a `terminal.host` (the console in the page, stdin and stdout in the CLI). Available to entries that list `io` in `modules:`, and `require`-able in a lone script. Lua's standard `io` (files) does not exist on the platform.",
  global: false,
  functions: [
    output('print', 'Writes the values separated by tabs, and ends the line.'),
    output('eprint', 'As `print`, to standard error.'),
    output('write', 'Writes the values with nothing between or after them.'),
    {
      name: 'readline',
      signature: 'io.readline()',
      params: [],
      returns: 'string | nil, err',
      doc:
        "Waits (other tasks run meanwhile) for the next line of input, without its line end; at the end of input `nil, err` (message `EOF`). Input comes from the console's input line in the page, which appears when a process first waits to read (a lone script's too) and names who waits; from stdin with `npm run lua -- --project`; a lone script run by `npm run lua` gets none (a read waits until the run ends as a deadlock)." +
        NO_TERMINAL,
    },
    {
      name: 'read',
      signature: 'io.read([n])',
      params: [
        {
          name: 'n',
          type: 'integer',
          optional: true,
          doc: 'At most this many characters (default 1024).',
        },
      ],
      returns: 'string | nil, err',
      doc:
        'Waits for input and returns what has come, at most n characters (line ends included); at the end of input `nil, err` (`EOF`).' +
        NO_TERMINAL,
    },
    {
      name: 'flush',
      signature: 'io.flush()',
      params: [],
      returns: 'true | nil, err',
      doc: 'Flushes the output (each write already shows at once).' + NO_TERMINAL,
    },
    {
      name: 'args',
      signature: 'io.args()',
      params: [],
      returns: 'table',
      doc: 'The command-line arguments after the entry (`npm run lua -- --project DIR --run app:cli A B` gives `{"A", "B"}`); an empty table off a terminal host.',
    },
    {
      name: 'raw',
      signature: 'io.raw(enable)',
      params: [{ name: 'enable', type: 'boolean', doc: 'Raw mode on or off.' }],
      returns: 'true | nil, err',
      doc: 'Raw terminal mode on the platform. The playground\'s console and the CLI\'s pipe have none: always `nil, "raw terminal control unavailable"` (Unavailable).',
    },
  ],
  constants: [],
  tables: [],
  classes: [],
  errors: [
    { condition: 'not on a terminal host, or `io.raw`', kind: 'UNAVAILABLE', retryable: false },
  ],
};
