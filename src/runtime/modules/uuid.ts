/**
 * The platform's `uuid` module, the generators only: `uuid.v4()` (random) and `uuid.v7()`
 * (Unix milliseconds, then random; sorts by creation time), as lowercase 36-character text.
 */
import { lua, pushText, setFunctions, type LuaState } from '../lua/api.ts';

function format(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function withVersion(bytes: Uint8Array, version: number): Uint8Array {
  bytes[6] = (bytes[6] & 0x0f) | (version << 4);
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
  return bytes;
}

function uuidV4(L: LuaState): number {
  pushText(L, format(withVersion(crypto.getRandomValues(new Uint8Array(16)), 4)));
  return 1;
}

function uuidV7(L: LuaState): number {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  pushText(L, format(withVersion(bytes, 7)));
  return 1;
}

const FUNCTIONS = { v4: uuidV4, v7: uuidV7 };

export function openUuid(L: LuaState): number {
  lua.lua_newtable(L);
  setFunctions(L, FUNCTIONS);
  return 1;
}
