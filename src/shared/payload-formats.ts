/**
 * The platform's payload formats (api/payload), one list for the runtime's `payload.format`
 * table (src/runtime/modules/process/payload.ts) and the API description.
 */
import type { LuaConstant } from './lua-api-types.ts';

export const PAYLOAD_FORMATS = {
  JSON: 'json/plain',
  YAML: 'yaml/plain',
  STRING: 'text/plain',
  BYTES: 'application/octet-stream',
  MSGPACK: 'application/msgpack',
  LUA: 'lua/any',
  GOLANG: 'golang/any',
  ERROR: 'golang/error',
} as const;

const DOCS: Record<keyof typeof PAYLOAD_FORMATS, string> = {
  JSON: 'JSON text.',
  YAML: 'YAML text (not emulated: transcoding to it fails).',
  STRING: 'Plain text.',
  BYTES: 'Raw bytes.',
  MSGPACK: 'MessagePack (not emulated).',
  LUA: 'A Lua value (what messages and function results carry).',
  GOLANG: 'A Go value (not emulated).',
  ERROR: 'An error object.',
};

export const PAYLOAD_FORMAT_DOCS: LuaConstant[] = Object.entries(PAYLOAD_FORMATS).map(
  ([name, value]) => ({ name, value, doc: DOCS[name as keyof typeof PAYLOAD_FORMATS] }),
);
