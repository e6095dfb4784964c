/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the `payload` module and
 * the Payload type (runtime/lua/modules/payload; src/runtime/modules/process/payload.ts).
 */
import type { LuaFunctionDoc, LuaModule } from './lua-api-types.ts';
import { PAYLOAD_FORMAT_DOCS } from './payload-formats.ts';

const valueMethod = (name: 'data' | 'unmarshal'): LuaFunctionDoc => ({
  name,
  signature: `p:${name}()`,
  params: [],
  returns: 'value | nil, err',
  doc:
    name === 'data'
      ? 'The Lua value: for a `lua/any` payload the same value on every call; other formats are transcoded first (Internal error when that fails).'
      : 'The same as `data()`.',
});

export const PAYLOAD_MODULE: LuaModule = {
  name: 'payload',
  doc: 'A value with a format: what `msg:payload()` and a Future give. A global in every project entry and in a lone script.',
  global: false,
  functions: [
    {
      name: 'new',
      signature: 'payload.new(value)',
      params: [{ name: 'value', type: 'any', doc: 'Kept as it is (not copied).' }],
      returns: 'Payload',
      doc: 'A `lua/any` payload of the value, or `golang/error` for an error object.',
    },
  ],
  constants: [],
  tables: [
    {
      name: 'format',
      doc: 'The format names (read-only).',
      members: PAYLOAD_FORMAT_DOCS,
    },
  ],
  classes: [
    {
      name: 'Payload',
      doc: '`tostring(p)` is `payload{format=lua/any}`. Sent to another process, a Payload arrives as nil (as every userdata but errors): send `p:data()`.',
      methods: [
        valueMethod('data'),
        valueMethod('unmarshal'),
        {
          name: 'get_format',
          signature: 'p:get_format()',
          params: [],
          returns: 'string',
          doc: 'One of `payload.format`.',
        },
        {
          name: 'transcode',
          signature: 'p:transcode(format)',
          params: [{ name: 'format', type: 'string', doc: 'A `payload.format` value.' }],
          returns: 'Payload, nil | nil, err',
          doc: 'The payload in another format: `lua/any`, `json/plain`, `text/plain` and `application/octet-stream` in the playground; the others fail with kind Internal.',
        },
      ],
    },
  ],
  errors: [
    {
      condition: 'a transcoding that fails or is not emulated',
      kind: 'INTERNAL',
      retryable: false,
    },
  ],
};
