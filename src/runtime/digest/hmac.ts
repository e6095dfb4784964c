/**
 * HMAC (RFC 2104) over any of the synchronous digests, as Go's crypto/hmac computes it: a key
 * longer than the digest's block is hashed first, a shorter one padded with zeros.
 */

export interface Digest {
  hash: (message: Uint8Array) => Uint8Array;
  /** Bytes per block: 64 for MD5, SHA-1 and SHA-256, 128 for SHA-512. */
  blockSize: number;
}

const INNER_PAD = 0x36;
const OUTER_PAD = 0x5c;

export function hmac(digest: Digest, key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(digest.blockSize);
  block.set(key.length > digest.blockSize ? digest.hash(key) : key);
  const inner = new Uint8Array(digest.blockSize + message.length);
  inner.set(block.map((byte) => byte ^ INNER_PAD));
  inner.set(message, digest.blockSize);
  const innerHash = digest.hash(inner);
  const outer = new Uint8Array(digest.blockSize + innerHash.length);
  outer.set(block.map((byte) => byte ^ OUTER_PAD));
  outer.set(innerHash, digest.blockSize);
  return digest.hash(outer);
}
