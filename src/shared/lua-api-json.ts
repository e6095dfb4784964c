/** Part of the Lua API description (`lua-api.ts`, the one entry point): the `json` module. */
import type { LuaModule } from './lua-api-types.ts';

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
