/** HMAC over each digest against node:crypto, RFC 2202 (MD5, SHA-1) and RFC 4231 (SHA-2). */
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmac, type Digest } from './hmac.ts';
import { md5 } from './md5.ts';
import { sha1 } from './sha1.ts';
import { sha256 } from './sha256.ts';
import { sha512 } from './sha512.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const text = (s: string) => new TextEncoder().encode(s);
const repeat = (byte: number, count: number) => new Uint8Array(count).fill(byte);

const DIGESTS: Record<string, Digest> = {
  md5: { hash: md5, blockSize: 64 },
  sha1: { hash: sha1, blockSize: 64 },
  sha256: { hash: sha256, blockSize: 64 },
  sha512: { hash: sha512, blockSize: 128 },
};

/** RFC 4231 section 4: cases 1-4, 6 and 7 (case 5 truncates the output). */
const RFC_4231 = [
  {
    key: repeat(0x0b, 20),
    data: text('Hi There'),
    sha256: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    sha512:
      '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde' +
      'daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854',
  },
  {
    key: text('Jefe'),
    data: text('what do ya want for nothing?'),
    sha256: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    sha512:
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554' +
      '9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
  },
  {
    key: repeat(0xaa, 20),
    data: repeat(0xdd, 50),
    sha256: '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
    sha512:
      'fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39' +
      'bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb',
  },
  {
    key: Uint8Array.from({ length: 25 }, (_, i) => i + 1),
    data: repeat(0xcd, 50),
    sha256: '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
    sha512:
      'b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db' +
      'a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd',
  },
  {
    key: repeat(0xaa, 131),
    data: text('Test Using Larger Than Block-Size Key - Hash Key First'),
    sha256: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    sha512:
      '80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352' +
      '6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598',
  },
  {
    key: repeat(0xaa, 131),
    data: text(
      'This is a test using a larger than block-size key and a larger than block-size data. ' +
        'The key needs to be hashed before being used by the HMAC algorithm.',
    ),
    sha256: '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    sha512:
      'e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944' +
      'b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58',
  },
];

describe('hmac', () => {
  it('gives the RFC 4231 vectors for SHA-256 and SHA-512', () => {
    for (const [i, vector] of RFC_4231.entries()) {
      expect(hex(hmac(DIGESTS.sha256!, vector.key, vector.data)), `case ${i}`).toBe(vector.sha256);
      expect(hex(hmac(DIGESTS.sha512!, vector.key, vector.data)), `case ${i}`).toBe(vector.sha512);
    }
  });

  it('gives the RFC 2202 vectors for MD5 and SHA-1', () => {
    const key = text('Jefe');
    const data = text('what do ya want for nothing?');
    expect(hex(hmac(DIGESTS.md5!, key, data))).toBe('750c783e6ab0b503eaa86e310a5db738');
    expect(hex(hmac(DIGESTS.sha1!, key, data))).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
  });

  it('agrees with node:crypto for messages of 0..200 bytes and keys around the block size', () => {
    for (let length = 0; length <= 200; length++) {
      const data = new Uint8Array(randomBytes(length));
      // Empty, short, exactly one block (64 or 128) and longer than a block (hashed first).
      const key = new Uint8Array(randomBytes([0, 5, 64, 65, 128, 129, 200][length % 7]!));
      for (const [name, digest] of Object.entries(DIGESTS)) {
        const expected = createHmac(name, key).update(data).digest('hex');
        expect(hex(hmac(digest, key, data)), `${name}, ${length} bytes`).toBe(expected);
      }
    }
  });

  it('agrees with node:crypto on a megabyte', () => {
    const data = new Uint8Array(1 << 20).map((_, i) => (i * 13) & 255);
    const key = text('exchange-api-secret');
    for (const [name, digest] of Object.entries(DIGESTS)) {
      const expected = createHmac(name, key).update(data).digest('hex');
      expect(hex(hmac(digest, key, data)), name).toBe(expected);
    }
  });
});
