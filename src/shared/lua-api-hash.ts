/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the platform's `hash`
 * module (runtime/lua/modules/hash, docs lua/security/hash.md; src/runtime/modules/hash/).
 */
import type { LuaFunctionDoc, LuaModule, LuaParam } from './lua-api-types.ts';

const data: LuaParam = {
  name: 'data',
  type: 'string',
  doc: 'The bytes to hash (any bytes; a number is refused, not converted).',
};
const raw: LuaParam = {
  name: 'raw',
  type: 'boolean',
  optional: true,
  doc: 'Any true value (as Lua reads truth) returns the digest as bytes instead of lowercase hex.',
};
const secret: LuaParam = { name: 'secret', type: 'string', doc: 'The key, any bytes, any length.' };

function digest(name: string, title: string, bytes: number): LuaFunctionDoc {
  return {
    name,
    signature: `hash.${name}(data [, raw])`,
    params: [data, raw],
    returns: 'string, nil | nil, err',
    doc: `The ${title} digest of \`data\`: ${bytes * 2} hex digits, or ${bytes} bytes when \`raw\`. Fails with \`data must be a string\`.`,
  };
}

function mac(name: string, title: string, bytes: number): LuaFunctionDoc {
  return {
    name: `hmac_${name}`,
    signature: `hash.hmac_${name}(data, secret [, raw])`,
    params: [data, secret, raw],
    returns: 'string, nil | nil, err',
    doc: `HMAC-${title} (RFC 2104) of \`data\` keyed by \`secret\` (note the order: data first): ${bytes * 2} hex digits, or ${bytes} bytes when \`raw\`. Fails with \`data must be a string\` or \`secret must be a string\`.`,
  };
}

function fnv(bits: 32 | 64): LuaFunctionDoc {
  const rounding =
    bits === 64
      ? ' Values beyond 2^53 are rounded to the nearest float, as on the platform (a float64 of the uint64).'
      : '';
  return {
    name: `fnv${bits}`,
    signature: `hash.fnv${bits}(data)`,
    params: [data],
    returns: 'number, nil | nil, err',
    doc: `FNV-1a ${bits}-bit hash of \`data\` as a float number: fast, not cryptographic (hash tables, partitioning).${rounding} Fails with \`data must be a string\`.`,
  };
}

export const HASH_MODULE: LuaModule = {
  name: 'hash',
  doc: "Cryptographic hashes (MD5, SHA-1, SHA-256, SHA-512), HMAC over each (to sign requests, e.g. an exchange feed's auth), and FNV-1a. Synchronous; computed in the page. Wippy dialect only: available to entries that list `hash` in `modules:`, and `require`-able in a lone script.",
  global: false,
  functions: [
    digest('md5', 'MD5', 16),
    digest('sha1', 'SHA-1', 20),
    digest('sha256', 'SHA-256', 32),
    digest('sha512', 'SHA-512', 64),
    fnv(32),
    fnv(64),
    mac('sha256', 'SHA256', 32),
    mac('sha512', 'SHA512', 64),
    mac('sha1', 'SHA1', 20),
    mac('md5', 'MD5', 16),
  ],
  constants: [],
  tables: [],
  classes: [],
  errors: [
    { condition: 'data that is not a string', kind: 'INVALID', retryable: false },
    { condition: 'an HMAC secret that is not a string', kind: 'INVALID', retryable: false },
  ],
};
