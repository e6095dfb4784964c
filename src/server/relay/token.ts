/**
 * The per-start relay token: 32 random bytes, known only to the page the server injects it
 * into. Compared in constant time so response timing does not leak how much of a guess was
 * right (both sides are hashed first, which also equalises their lengths).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export function tokensEqual(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  return timingSafeEqual(digest(given), digest(expected));
}
