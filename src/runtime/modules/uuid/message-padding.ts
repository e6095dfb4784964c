/** The padding MD5 and SHA-1 share (RFC 1321 section 3.1-3.2, RFC 3174 section 4). */

/**
 * The message, then 0x80, then zeros up to a multiple of 64 bytes whose last 8 hold the
 * message's length in bits (MD5 writes it little-endian, SHA-1 big-endian).
 */
export function padMessage(message: Uint8Array, lengthOrder: 'little' | 'big'): Uint8Array {
  const length = (Math.floor((message.length + 8) / 64) + 1) * 64;
  const padded = new Uint8Array(length);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = message.length * 8;
  const low = bits >>> 0;
  const high = Math.floor(bits / 2 ** 32);
  if (lengthOrder === 'little') {
    view.setUint32(length - 8, low, true);
    view.setUint32(length - 4, high, true);
  } else {
    view.setUint32(length - 8, high);
    view.setUint32(length - 4, low);
  }
  return padded;
}
