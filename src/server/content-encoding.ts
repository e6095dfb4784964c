/**
 * Which precompressed copy of a file a request gets (RFC 9110 §12.5.3 Accept-Encoding):
 * brotli before gzip before the file itself, among the codings the client accepts with a
 * q-value above 0. `*` accepts every coding not named; `identity` is always acceptable here
 * (the file itself is the fallback, so a 406 is never needed).
 */

export type Coding = 'br' | 'gzip';

/** Preferred first: brotli is about 15% smaller than gzip on these bundles. */
export const CODINGS: readonly Coding[] = ['br', 'gzip'];

/** The file suffix of each coding's copy, written at build time (precompress.ts). */
export const SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };

/** The q-value of each coding named in an Accept-Encoding header (lowercased names). */
export function acceptedCodings(header: string | undefined): Map<string, number> {
  const accepted = new Map<string, number>();
  if (!header) return accepted;
  // A header is bounded by Node's header size limit; a few dozen entries are plenty.
  for (const part of header.split(',').slice(0, 64)) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const match = /^q=([01](?:\.\d{0,3})?)$/i.exec(param);
      if (match) q = Number(match[1]);
    }
    accepted.set(name.toLowerCase(), q);
  }
  return accepted;
}

/** The best coding of `available` the client accepts, or null for the file itself. */
export function chooseCoding(
  header: string | undefined,
  available: readonly Coding[],
): Coding | null {
  const accepted = acceptedCodings(header);
  const wildcard = accepted.get('*');
  for (const coding of CODINGS) {
    if (!available.includes(coding)) continue;
    // "x-gzip" is gzip's old alias (RFC 9110 §8.4.1.3).
    const q =
      accepted.get(coding) ?? (coding === 'gzip' ? accepted.get('x-gzip') : undefined) ?? wildcard;
    if (q !== undefined && q > 0) return coding;
  }
  return null;
}
