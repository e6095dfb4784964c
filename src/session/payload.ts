/** A frame's payload in a file: text as itself where it is valid UTF-8, otherwise base64. */
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

export interface EncodedPayload {
  data: string;
  encoding: 'utf8' | 'base64';
}

export function encodePayload(bytes: Uint8Array, asText: boolean): EncodedPayload {
  if (asText) {
    try {
      return { data: strictDecoder.decode(bytes), encoding: 'utf8' };
    } catch {
      // A text payload cut inside a character, or a reason with bad bytes: keep the bytes.
    }
  }
  return { data: toBase64(bytes), encoding: 'base64' };
}

export function decodePayload(data: string, encoding: 'utf8' | 'base64'): Uint8Array {
  return encoding === 'utf8' ? encoder.encode(data) : fromBase64(data);
}

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
