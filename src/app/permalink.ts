/**
 * Permalinks: `#code=<base64url of the UTF-8 source>[&policy=<base64url of the policy JSON>]
 * [&dialect=wippy|lua53][&types=off|warn|strict]`.
 *
 * Versions (STYLE habit 8: keep reading old versions):
 *   v1  `#code=...&policy=...&dialect=...&types=...`; an explicit `v=1` is accepted, absent
 *       means 1. `dialect` and `types` came later within v1 (an older playground ignores them
 *       and runs its own default, which is why they did not need a new version).
 *   v0  a bare `#<base64url>` of the source (early shares), read as code.
 * A link from a newer version gives an error instead of a wrong script, and so does a link
 * naming a dialect or type-check mode this playground does not have.
 *
 * A link without `dialect` (every link made before issue 18, and the `#code=` links that tests
 * and documentation write by hand) reads as the product default, `wippy`: the link says
 * nothing about its Lua, so it gets what every surface shows by default; likewise a link
 * without `types` reads as the default `warn`. The reader's saved settings do not apply: a
 * link runs the same for everyone who opens it. Shared links always write both, so they keep
 * their meaning should a default change again.
 */
import { parseDialect, parseTypeCheckMode } from '../shared/dialect.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';

export const PERMALINK_VERSION = 1;

export interface Permalink {
  code: string;
  /** The policy JSON as text, parsed by the policy panel's own reader. */
  policyJson?: string;
  /** The Lua the shared code runs in; absent in a link means the product default. */
  dialect?: Dialect;
  /** The type-check mode; absent in a link means the product default. */
  typeCheck?: TypeCheckMode;
}

export type PermalinkRead = { ok: true; link: Permalink } | { ok: false; error: string } | null;

export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decode base64url (or standard base64, padded or not) to UTF-8 text; null when malformed. */
export function decodeBase64Url(encoded: string): string | null {
  const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.replace(/=+$/, '').length % 4 === 1) return null;
  try {
    const binary = atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '='));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function buildPermalinkHash(link: Permalink): string {
  let hash = `#code=${encodeBase64Url(link.code)}`;
  if (link.policyJson !== undefined) hash += `&policy=${encodeBase64Url(link.policyJson)}`;
  if (link.dialect !== undefined) hash += `&dialect=${link.dialect}`;
  if (link.typeCheck !== undefined) hash += `&types=${link.typeCheck}`;
  return hash;
}

/** Read a location hash; null when it holds no permalink at all. */
export function readPermalinkHash(hash: string): PermalinkRead {
  const body = hash.replace(/^#/, '');
  if (body === '') return null;
  if (!body.includes('=') || /^[A-Za-z0-9_-]+$/.test(body)) {
    // v0: a bare base64url of the source.
    const code = decodeBase64Url(body);
    return code === null ? null : { ok: true, link: { code } };
  }
  const params = new URLSearchParams(body);
  const version = Number(params.get('v') ?? '1');
  if (!Number.isInteger(version) || version < 1)
    return { ok: false, error: `unknown permalink version "${params.get('v')}"` };
  if (version > PERMALINK_VERSION) {
    return { ok: false, error: `this link was made by a newer playground (permalink v${version})` };
  }
  const encodedCode = params.get('code');
  if (encodedCode === null) return null;
  const code = decodeBase64Url(encodedCode);
  if (code === null)
    return { ok: false, error: 'the code in this link is damaged (not base64url UTF-8)' };
  const link: Permalink = { code };
  const encodedPolicy = params.get('policy');
  if (encodedPolicy !== null) {
    const policyJson = decodeBase64Url(encodedPolicy);
    if (policyJson === null)
      return { ok: false, error: 'the policy in this link is damaged (not base64url UTF-8)' };
    link.policyJson = policyJson;
  }
  const dialectText = params.get('dialect');
  if (dialectText !== null) {
    const dialect = parseDialect(dialectText);
    if (!dialect)
      return {
        ok: false,
        error: `this link asks for the Lua dialect "${dialectText}", which this playground does not have (wippy or lua53)`,
      };
    link.dialect = dialect;
  }
  const typesText = params.get('types');
  if (typesText !== null) {
    const typeCheck = parseTypeCheckMode(typesText);
    if (!typeCheck)
      return {
        ok: false,
        error: `this link asks for the type-check mode "${typesText}", which this playground does not have (off, warn or strict)`,
      };
    link.typeCheck = typeCheck;
  }
  return { ok: true, link };
}
