/**
 * The platform's `base64` module (standard alphabet, padded): `base64.encode(s)` and
 * `base64.decode(s)`, which returns `nil, err` (kind Invalid) for text that is not base64.
 * Bytes in, bytes out: a Lua string is bytes, never re-encoded.
 */
import { checkBytes, lua, pushBytes, setFunctions, type LuaState } from '../lua/api.ts';
import { returnError, runtimeError } from './errors.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const PAD = 61; // '='

function encode(bytes: Uint8Array): Uint8Array {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    text += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    text += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    text += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** null when the text is not padded standard base64 (as Go's StdEncoding refuses it). */
function decode(text: Uint8Array): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const pads = last ? (text[i + 3] === PAD ? (text[i + 2] === PAD ? 2 : 1) : 0) : 0;
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const value = j >= 4 - pads ? 0 : VALUES.get(text[i + j]);
      if (value === undefined) return null;
      n = (n << 6) | value;
    }
    out.push((n >> 16) & 255);
    if (pads < 2) out.push((n >> 8) & 255);
    if (pads < 1) out.push(n & 255);
  }
  return Uint8Array.from(out);
}

function base64Encode(L: LuaState): number {
  pushBytes(L, encode(checkBytes(L, 1)));
  return 1;
}

function base64Decode(L: LuaState): number {
  const decoded = decode(checkBytes(L, 1));
  if (!decoded) return returnError(L, runtimeError('INVALID', 'illegal base64 data'));
  pushBytes(L, decoded);
  return 1;
}

const FUNCTIONS = { decode: base64Decode, encode: base64Encode };

export function openBase64(L: LuaState): number {
  lua.lua_newtable(L);
  setFunctions(L, FUNCTIONS);
  return 1;
}
