/** Part of the Lua API description (`lua-api.ts`, the one entry point): the `json` module. */
import type { LuaModule } from './lua-api-types.ts';

export const JSON_MODULE: LuaModule = {
  name: 'json',
  doc:
    'JSON encoding, decoding and JSON Schema validation, as on the platform: JSON null is ' +
    '`nil` (there is no `json.null`), an empty table encodes as `[]`, integers stay integers.',
  global: true,
  functions: [
    {
      name: 'encode',
      signature: 'json.encode(value)',
      params: [
        {
          name: 'value',
          type: 'any',
          doc: 'nil, boolean, number, string or table. A table with keys 1..n is an array (no gaps), one with other keys an object; both at once, a gap, a table inside itself or nesting deeper than 128 fail. NaN and infinity become `null`, a function `null`, an error object its message (with a warning where the platform is silent).',
        },
      ],
      returns: 'string, nil | nil, err',
      doc: 'Encodes a value as JSON text; `{}` is `[]`. Failures are `errors.INTERNAL`.',
    },
    {
      name: 'decode',
      signature: 'json.decode(text)',
      params: [
        {
          name: 'text',
          type: 'string',
          doc: 'JSON text (one value; text after it is ignored, with a warning).',
        },
      ],
      returns: 'value, nil | nil, err',
      doc: 'Decodes JSON text: `null` is nil (a null field is absent), an integer literal a Lua integer, `1.0` or `1e3` a float. Not a string or empty: `errors.INVALID`; malformed or nested deeper than 128: `errors.INTERNAL`.',
    },
    {
      name: 'validate',
      signature: 'json.validate(schema, value)',
      params: [
        {
          name: 'schema',
          type: 'table|string',
          doc: 'A JSON Schema (2020-12) as a table or as JSON text.',
        },
        { name: 'value', type: 'any', doc: 'The value to check (encoded as `json.encode` does).' },
      ],
      returns: 'true | false, err',
      doc: 'Checks a value against a schema; a failure (`errors.INVALID`) names each mismatch. Compiled schemas are cached.',
    },
    {
      name: 'validate_string',
      signature: 'json.validate_string(schema, text)',
      params: [
        {
          name: 'schema',
          type: 'table|string',
          doc: 'A JSON Schema (2020-12) as a table or as JSON text.',
        },
        { name: 'text', type: 'string', doc: 'JSON text to check without decoding it first.' },
      ],
      returns: 'true | false, err',
      doc: 'Checks JSON text against a schema; invalid JSON or a mismatch is `false, err` (`errors.INVALID`).',
    },
  ],
  constants: [],
  tables: [],
  classes: [],
};
