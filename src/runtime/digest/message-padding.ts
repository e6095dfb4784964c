/**
 * The padding the Merkle-Damgård digests share (RFC 1321 section 3.1-3.2, RFC 3174 section 4,
 * FIPS 180-4 section 5.1).
 */

/**
 * The message, then 0x80, then zeros up to a multiple of the block size whose last bytes (8 for
 * 64-byte blocks, 16 for SHA-512's 128-byte blocks) hold the message's length in bits (MD5
 * writes it little-endian, the SHA family big-endian). A message is far below 2^53 bits, so
 * only the last 8 bytes of a 16-byte length are ever non-zero.
 */
export function padMessage(
  message: Uint8Array,
  lengthOrder: 'little' | 'big',
  blockSize: 64 | 128 = 64,
): Uint8Array {
  const lengthBytes = blockSize / 8;
  const length = (Math.floor((message.length + lengthBytes) / blockSize) + 1) * blockSize;
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
