/**
 * This machine's own addresses: every address of every network interface, not only loopback.
 * A relay that others can reach must not dial them: a service that listens on 0.0.0.0 here
 * but is firewalled from the network (a database, something on a docker bridge's 172.17.0.1,
 * the LAN address itself) would be reachable through the relay, because a connection from
 * this machine to its own address never crosses that firewall.
 *
 * Interfaces come and go (a VPN comes up, DHCP renews, docker starts), so the list is read
 * again at the first check after it is MAX_AGE_MS old. A check is a BlockList lookup; a read
 * (`os.networkInterfaces()`, one getifaddrs call) ~30 µs.
 */
import { BlockList } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';

export const MAX_AGE_MS = 2_000;

export type InterfaceReader = () => NodeJS.Dict<NetworkInterfaceInfo[]>;

export class OwnAddresses {
  private list = new BlockList();
  private readAt = -Infinity;

  constructor(
    private readonly read: InterfaceReader = networkInterfaces,
    private readonly now: () => number = Date.now,
  ) {}

  /** Is `address` (IPv4 dotted, or IPv6 without brackets; as hosts.ts normalises it) ours? */
  has(address: string, family: 'ipv4' | 'ipv6'): boolean {
    if (this.now() - this.readAt >= MAX_AGE_MS) this.refresh();
    return this.list.check(address, family);
  }

  /** Every address this machine has now, as os.networkInterfaces() reports them. */
  addresses(): NetworkInterfaceInfo[] {
    return Object.values(this.read()).flatMap((infos) => infos ?? []);
  }

  private refresh(): void {
    const list = new BlockList();
    try {
      for (const info of this.addresses())
        list.addAddress(info.address, info.family === 'IPv4' ? 'ipv4' : 'ipv6');
    } catch {
      // Unreadable interfaces: keep the last list rather than refuse nothing.
      return;
    }
    this.list = list;
    this.readAt = this.now();
  }
}

/** The process's view of this machine, shared by every relay in it. */
export const thisMachine = new OwnAddresses();
