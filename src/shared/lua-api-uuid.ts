/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the platform's `uuid`
 * module (runtime/lua/modules/uuid, docs lua/security/uuid.md; src/runtime/modules/uuid/).
 */
import type { LuaFunctionDoc, LuaModule, LuaParam } from './lua-api-types.ts';

const id: LuaParam = {
  name: 'id',
  type: 'string',
  doc: 'A UUID: 36 characters with dashes, `urn:uuid:…`, `{…}` or 32 hex digits, either case.',
};
const namespace: LuaParam = {
  name: 'namespace',
  type: 'string',
  doc: 'A UUID, e.g. DNS `6ba7b810-9dad-11d1-80b4-00c04fd430c8` or URL `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.',
};
const name: LuaParam = { name: 'name', type: 'string', doc: 'The bytes to hash.' };

function generator(version: 1 | 4 | 7, doc: string): LuaFunctionDoc {
  return {
    name: `v${version}`,
    signature: `uuid.v${version}()`,
    params: [],
    returns: 'string, nil',
    doc,
  };
}

function hashed(version: 3 | 5, hash: string): LuaFunctionDoc {
  return {
    name: `v${version}`,
    signature: `uuid.v${version}(namespace, name)`,
    params: [namespace, name],
    returns: 'string, nil | nil, err',
    doc: `A version ${version} UUID: ${hash} of the namespace's 16 bytes and the name; the same inputs always give the same id. Both must be strings (\`namespace and name must be strings\`) and the namespace a UUID (\`invalid namespace UUID\`).`,
  };
}

function reader(fnName: string, returns: string, doc: string): LuaFunctionDoc {
  return {
    name: fnName,
    signature: `uuid.${fnName}(id)`,
    params: [id],
    returns: `${returns}, nil | nil, err`,
    doc: `${doc} Fails with \`input must be a string\` or \`invalid UUID format\`.`,
  };
}

export const UUID_MODULE: LuaModule = {
  name: 'uuid',
  doc: 'Generates and reads UUIDs (RFC 9562). Ids come back lowercase with dashes. Wippy dialect only: available to entries that list `uuid` in `modules:`, and `require`-able in a lone script.',
  global: false,
  functions: [
    generator(
      1,
      'A version 1 UUID: the time in 100 ns since 1582, a clock sequence and a node (random here, with the multicast bit: a browser cannot read a MAC address).',
    ),
    hashed(3, 'MD5'),
    generator(4, 'A version 4 (random) UUID.'),
    hashed(5, 'SHA-1'),
    generator(
      7,
      'A version 7 UUID: Unix milliseconds, then a counter and random bits; ids sort in the order they were made.',
    ),
    {
      name: 'validate',
      signature: 'uuid.validate(value)',
      params: [{ name: 'value', type: 'any', doc: 'Anything.' }],
      returns: 'boolean, nil',
      doc: 'Whether the value is a string that reads as a UUID (any form `id` takes). Never an error.',
    },
    reader('version', 'integer', 'The version number (1 to 15; 0 for the nil UUID).'),
    reader(
      'variant',
      'string',
      '`"RFC4122"`, `"Microsoft"`, `"Future"`, or `"Reserved"` (the NCS range).',
    ),
    reader(
      'parse',
      'table',
      '`{version=, variant=}`, with `timestamp` (Unix seconds, an integer) for v1 and v7 and `node` (12 hex digits) for v1.',
    ),
    {
      name: 'format',
      signature: 'uuid.format(id [, format])',
      params: [
        id,
        {
          name: 'format',
          type: 'string',
          optional: true,
          doc: '`"standard"` (the default; a value that is not a string counts as none), `"simple"` (32 hex digits) or `"urn"` (`urn:uuid:` in front).',
        },
      ],
      returns: 'string, nil | nil, err',
      doc: 'The id written in that form. Fails with `input must be a string`, `invalid UUID format` or `unsupported format`.',
    },
  ],
  constants: [],
  tables: [],
  classes: [],
  errors: [
    {
      condition: 'an argument that is not a string, or not a UUID',
      kind: 'INVALID',
      retryable: false,
    },
    { condition: 'an unknown format name', kind: 'INVALID', retryable: false },
  ],
};
