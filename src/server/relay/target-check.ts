/**
 * Applying the relay's host lists to one target, in two steps:
 *
 *   1. before dialing, on the URL's host name (or address, if the URL holds one);
 *   2. while dialing, on every address DNS returns (guardedLookup), so a name that resolves
 *      to a private address is caught even when the name itself looked harmless, and the
 *      checked address is the one the socket connects to (no rebinding window).
 *
 * Deny wins. In hosted mode a non-public address (loopback, private, link-local, …) is refused
 * unless an address pattern in the allow list names it explicitly: names are not enough there,
 * because whoever controls a name's DNS controls where it points. A relay others can reach
 * (hosted, or local on a non-loopback HOST) refuses this machine the same way: loopback, the
 * unspecified addresses, link-local, and every address of its own interfaces.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions } from 'node:dns';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { isNonPublicAddress, isThisMachine, matchesAddress, matchesName } from './hosts.ts';
import type { HostPattern } from './hosts.ts';
import type { OwnAddresses } from './own-addresses.ts';
import { deniedByName } from './denied-names.ts';
import type { DeniedAddress } from './denied-names.ts';

export interface HostRules {
  mode: 'local' | 'hosted';
  allow: HostPattern[];
  deny: HostPattern[];
  /**
   * [false] A local relay that others on the network can reach (HOST not loopback): this
   * machine (loopback, unspecified, link-local, its interfaces' addresses) is refused unless an
   * address pattern in the allow list names it, as hosted mode does for every non-public
   * address (and for this machine too).
   */
  exposed?: boolean;
  /** [the process's own] Where this machine's interface addresses come from (tests). */
  thisMachine?: OwnAddresses;
}

/** A refusal by the host lists; its message goes to the page as is. */
export class TargetDenied extends Error {
  override name = 'TargetDenied';
}

export type NameVerdict = { ok: true; nameAllowed: boolean } | { ok: false; error: string };

const patternList = (patterns: HostPattern[]): string => patterns.map((p) => p.source).join(', ');

/** Step 1: the name (or literal address) as written in the URL. */
export function checkTargetName(
  rules: HostRules,
  host: string,
  port: number,
  deniedNames: readonly DeniedAddress[] = [],
): NameVerdict {
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(bare)) {
    const error = checkTargetAddress(rules, bare, false, bare, port, deniedNames);
    return error ? { ok: false, error } : { ok: true, nameAllowed: false };
  }
  const denied = rules.deny.find((p) => matchesName(p, bare, port));
  if (denied)
    return {
      ok: false,
      error: `host "${bare}" is denied by the relay (pattern "${denied.source}")`,
    };
  const nameAllowed = rules.allow.some((p) => matchesName(p, bare, port));
  if (!nameAllowed && !rules.allow.some((p) => p.type === 'addresses')) {
    return {
      ok: false,
      error: `host "${bare}:${port}" is not in the relay's allowed hosts (${patternList(rules.allow)})`,
    };
  }
  return { ok: true, nameAllowed };
}

/** Step 2: one resolved address. Returns the refusal message, or null when it may be dialed. */
export function checkTargetAddress(
  rules: HostRules,
  host: string,
  nameAllowed: boolean,
  address: string,
  port: number,
  /** The addresses denied names resolve to (denied-names.ts). */
  deniedNames: readonly DeniedAddress[] = [],
): string | null {
  const denied = rules.deny.find((p) => matchesAddress(p, address, port));
  if (denied) return `${host} (${address}) is denied by the relay (pattern "${denied.source}")`;
  const byName = deniedByName(deniedNames, address, port);
  if (byName)
    return `${host} (${address}) is denied by the relay (pattern "${byName.source}" resolves to it)`;
  const explicit = rules.allow.some(
    (p) => p.type === 'addresses' && matchesAddress(p, address, port),
  );
  if (rules.mode === 'hosted' && isNonPublicAddress(address) && !explicit) {
    return `${host} resolves to ${address}, a non-public address, which this hosted relay does not dial`;
  }
  const reachable = rules.exposed || rules.mode === 'hosted';
  if (reachable && !explicit && isThisMachine(address, rules.thisMachine)) {
    return `${host} resolves to ${address}, an address of the relay's own machine, which a relay reachable from the network does not dial unless RELAY_ALLOW_HOSTS names it`;
  }
  if (!nameAllowed && !explicit && !rules.allow.some((p) => matchesAddress(p, address, port))) {
    return `${host} (${address}) is not in the relay's allowed hosts (${patternList(rules.allow)})`;
  }
  return null;
}

type LookupCallback = Parameters<LookupFunction>[2];

/**
 * A `lookup` for net/tls.connect that resolves as usual and keeps only the addresses the
 * rules allow; when none is left the connect fails with a TargetDenied.
 */
export function guardedLookup(
  rules: HostRules,
  nameAllowed: boolean,
  port: number,
  deniedNames: readonly DeniedAddress[] = [],
): LookupFunction {
  return function lookupAllowed(hostname, options, callback: LookupCallback) {
    const all: LookupAllOptions = { ...options, all: true };
    dnsLookup(hostname, all, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '');
      const refusals: string[] = [];
      const allowed = addresses.filter((a) => {
        const refusal = checkTargetAddress(
          rules,
          hostname,
          nameAllowed,
          a.address,
          port,
          deniedNames,
        );
        if (refusal) refusals.push(refusal);
        return !refusal;
      });
      if (allowed.length === 0) {
        return callback(
          new TargetDenied(refusals[0] ?? `${hostname} did not resolve to any address`),
          '',
        );
      }
      if (options.all) callback(null, allowed);
      else callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}
