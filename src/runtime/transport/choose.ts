/**
 * Transport selection (spec: playground.md part 2): `auto` uses the relay when one answers,
 * else the direct transport; `relay` and `direct` force one. The reason is kept and shown
 * for every connection.
 */
import type { TransportMode } from '../../shared/worker-protocol.ts';
import type { TransportChoice } from '../modules/websocket/index.ts';
import type { Transport } from './types.ts';

export interface TransportOptions {
  mode: TransportMode;
  direct: Transport;
  /** Absent when the page has no relay configured. */
  relay?: { transport: Transport; probe(): Promise<{ ok: true } | { ok: false; reason: string }> };
}

export type ChoiceResult = { ok: true; choice: TransportChoice } | { ok: false; error: string };

export async function chooseTransport(options: TransportOptions): Promise<ChoiceResult> {
  const { mode, direct, relay } = options;
  if (mode === 'direct')
    return { ok: true, choice: { transport: direct, why: 'direct (transport setting)' } };
  if (!relay) {
    if (mode === 'relay')
      return {
        ok: false,
        error: 'transport is set to relay, but this page has no relay configured',
      };
    return { ok: true, choice: { transport: direct, why: 'direct (auto: no relay configured)' } };
  }
  const probe = await relay.probe();
  if (probe.ok) {
    return {
      ok: true,
      choice: {
        transport: relay.transport,
        why: mode === 'auto' ? 'relay (auto: relay reachable)' : 'relay (transport setting)',
      },
    };
  }
  if (mode === 'relay')
    return {
      ok: false,
      error: `transport is set to relay, but the relay is unreachable: ${probe.reason}`,
    };
  return {
    ok: true,
    choice: { transport: direct, why: `direct (auto: relay unreachable: ${probe.reason})` },
  };
}
