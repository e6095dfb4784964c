import { describe, expect, it } from 'vitest';
import { PingPairing, WAITING_PINGS } from './ping-pairing.ts';
import type { FrameRecord } from '../shared/run-events.ts';

const frame = (
  kind: FrameRecord['kind'],
  direction: FrameRecord['direction'],
  time: number,
  preview = '',
  connectionId = 1,
): FrameRecord => ({ connectionId, direction, kind, size: preview.length, time, preview });

describe('PingPairing', () => {
  it('pairs each pong with the ping sent before it, in order', () => {
    const p = new PingPairing();
    expect(p.observe(frame('ping', 'out', 100))).toBeUndefined();
    expect(p.observe(frame('ping', 'out', 110))).toBeUndefined();
    expect(p.observe(frame('pong', 'in', 105))).toBe(5);
    expect(p.observe(frame('pong', 'in', 130))).toBe(20);
    expect(p.observe(frame('pong', 'in', 140))).toBeUndefined();
  });

  it('prefers the ping whose payload the pong echoes', () => {
    const p = new PingPairing();
    p.observe(frame('ping', 'out', 100, 'a'));
    p.observe(frame('ping', 'out', 200, 'b'));
    expect(p.observe(frame('pong', 'in', 250, 'b'))).toBe(50);
    expect(p.observe(frame('pong', 'in', 300, 'zzz'))).toBe(200);
  });

  it('keeps connections apart and ignores pings the peer sent', () => {
    const p = new PingPairing();
    p.observe(frame('ping', 'out', 100, '', 1));
    p.observe(frame('ping', 'in', 101, '', 2));
    expect(p.observe(frame('pong', 'in', 120, '', 2))).toBeUndefined();
    expect(p.observe(frame('pong', 'in', 130, '', 1))).toBe(30);
  });

  it('forgets the oldest unanswered pings beyond the bound, and all of them on close', () => {
    const p = new PingPairing();
    for (let i = 0; i <= WAITING_PINGS; i++) p.observe(frame('ping', 'out', i));
    // Ping 0 was forgotten: the first pong pairs with ping 1.
    expect(p.observe(frame('pong', 'in', 1000))).toBe(999);
    p.observe(frame('close', 'in', 1001));
    expect(p.observe(frame('pong', 'in', 1002))).toBeUndefined();
  });
});
