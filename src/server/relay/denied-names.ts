/**
 * Names in RELAY_DENY_HOSTS deny the machine they name, not just the spelling: before a dial,
 * each denied name (e.g. `localhost`, `db.internal`) is resolved, and a target whose address
 * is one of those addresses is refused too, whatever it was called in the URL (`127.0.0.1`,
 * another name for it). Suffix patterns (`*.corp.example`) cannot be resolved and stay
 * name-only: docs/relay.md says to deny by address range for certainty.
 *
 * Lookups are cached for CACHE_MS, so a dial costs at most one lookup per denied name per
 * half minute.
 */
import { lookup } from 'node:dns/promises';
import type { HostPattern } from './hosts.ts';
import { normalizeAddress } from './hosts.ts';

/** One address a denied name resolved to, and the pattern that denies it. */
export interface DeniedAddress {
  address: string;
  port?: number;
  source: string;
}

const CACHE_MS = 30_000;
const LOOKUP_TIMEOUT_MS = 2_000;
const cache = new Map<string, { at: number; addresses: string[] }>();

async function resolveName(name: string): Promise<string[]> {
  const hit = cache.get(name);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.addresses;
  let addresses: string[] = [];
  try {
    const found = await Promise.race([
      lookup(name, { all: true }),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('timeout')), LOOKUP_TIMEOUT_MS).unref(),
      ),
    ]);
    addresses = found.map((a) => normalizeAddress(a.address)?.address ?? a.address);
  } catch {
    // A denied name that does not resolve denies no address (its spelling is still denied).
  }
  cache.set(name, { at: Date.now(), addresses });
  return addresses;
}

export function hasDeniedNames(deny: readonly HostPattern[]): boolean {
  return deny.some((p) => p.type === 'name');
}

export async function resolveDeniedNames(deny: readonly HostPattern[]): Promise<DeniedAddress[]> {
  const names = deny.filter((p) => p.type === 'name');
  const lists = await Promise.all(names.map((p) => resolveName(p.name)));
  return names.flatMap((p, i) =>
    lists[i]!.map((address) => ({ address, port: p.port, source: p.source })),
  );
}

/** The denied name that resolves to `address` (on `port`), if any. */
export function deniedByName(
  denied: readonly DeniedAddress[],
  address: string,
  port: number,
): DeniedAddress | undefined {
  const n = normalizeAddress(address)?.address ?? address;
  return denied.find((d) => d.address === n && (d.port === undefined || d.port === port));
}
