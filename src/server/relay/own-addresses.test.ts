import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { MAX_AGE_MS, OwnAddresses } from './own-addresses.ts';

const info = (address: string): NetworkInterfaceInfo =>
  ({
    address,
    family: address.includes(':') ? 'IPv6' : 'IPv4',
    internal: false,
    netmask: '',
    mac: '',
    cidr: null,
  }) as unknown as NetworkInterfaceInfo;

function machine(...addresses: string[]) {
  const state = {
    now: 0,
    reads: 0,
    interfaces: { eth0: addresses.map(info) } as NodeJS.Dict<NetworkInterfaceInfo[]>,
  };
  const own = new OwnAddresses(
    () => {
      state.reads++;
      return state.interfaces;
    },
    () => state.now,
  );
  return { own, state };
}

describe('OwnAddresses', () => {
  it('knows every interface address, a docker bridge and IPv6 in any spelling included', () => {
    const { own } = machine('192.0.2.2', 'fd00::2', '172.17.0.1');
    expect(own.has('192.0.2.2', 'ipv4')).toBe(true);
    expect(own.has('172.17.0.1', 'ipv4')).toBe(true);
    expect(own.has('fd00:0:0:0:0:0:0:2', 'ipv6')).toBe(true);
    expect(own.has('192.0.2.3', 'ipv4')).toBe(false);
    expect(own.has('fd00::3', 'ipv6')).toBe(false);
  });

  it('reads the interfaces again once its list is a few seconds old, not at every check', () => {
    const { own, state } = machine('192.0.2.2');
    for (let i = 0; i < 100; i++) own.has('10.9.9.9', 'ipv4');
    expect(state.reads).toBe(1);
    // A VPN comes up: known at the first check after the list has aged.
    state.interfaces = { eth0: [info('192.0.2.2')], tun0: [info('10.9.9.9')] };
    state.now = MAX_AGE_MS - 1;
    expect(own.has('10.9.9.9', 'ipv4')).toBe(false);
    state.now = MAX_AGE_MS;
    expect(own.has('10.9.9.9', 'ipv4')).toBe(true);
    expect(state.reads).toBe(2);
  });

  it('keeps the last list when the interfaces cannot be read', () => {
    const { own, state } = machine('192.0.2.2');
    expect(own.has('192.0.2.2', 'ipv4')).toBe(true);
    state.interfaces = undefined as unknown as NodeJS.Dict<NetworkInterfaceInfo[]>;
    state.now = MAX_AGE_MS;
    expect(own.has('192.0.2.2', 'ipv4')).toBe(true);
  });
});
