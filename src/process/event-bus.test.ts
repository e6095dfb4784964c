/**
 * The event bus's matching rule, as system/eventbus/dispatcher.go routeEvent and matchPattern
 * have it (pure: no Lua here; the `events` module is tested on the node).
 */
import { describe, expect, it } from 'vitest';
import { createEventBus, matchPattern } from './event-bus.ts';
import type { BusEvent } from './types.ts';

const event = (system: string, kind = 'k'): BusEvent => ({ system, kind, path: '/p', data: null });

describe('matchPattern (dispatcher.go)', () => {
  it('matches everything for "*" and "", a prefix for a trailing *, else only itself', () => {
    expect(matchPattern('*', 'any.thing')).toBe(true);
    expect(matchPattern('', 'any.thing')).toBe(true);
    expect(matchPattern('test.*', 'test.a')).toBe(true);
    expect(matchPattern('test.*', 'test.')).toBe(true);
    expect(matchPattern('test.*', 'test')).toBe(false);
    expect(matchPattern('test.*', 'other.a')).toBe(false);
    expect(matchPattern('test', 'test')).toBe(true);
    expect(matchPattern('test', 'test.a')).toBe(false);
    // A * elsewhere is no wildcard: the dispatcher only looks at the last character.
    expect(matchPattern('*.x', 'a.x')).toBe(false);
    expect(matchPattern('*.x', '*.x')).toBe(true);
  });
});

describe('createEventBus', () => {
  it('delivers to every matching subscription in subscription order, kind filtered', () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.subscribe('test.*', undefined, (e) => seen.push(`a:${e.system}/${e.kind}`));
    bus.subscribe('test.one', 'created', (e) => seen.push(`b:${e.system}/${e.kind}`));
    bus.subscribe('test.one', '*', (e) => seen.push(`c:${e.system}/${e.kind}`));
    bus.subscribe('test.one', 'user.*', (e) => seen.push(`d:${e.system}/${e.kind}`));
    bus.send(event('test.one', 'created'));
    bus.send(event('test.one', 'user.login'));
    bus.send(event('other', 'created'));
    expect(seen).toEqual([
      'a:test.one/created',
      'b:test.one/created',
      'c:test.one/created',
      'a:test.one/user.login',
      'c:test.one/user.login',
      'd:test.one/user.login',
    ]);
  });

  it('stops delivering once unsubscribed, even from inside a delivery', () => {
    const bus = createEventBus();
    const seen: string[] = [];
    let second = () => {};
    bus.subscribe('*', undefined, () => {
      seen.push('first');
      second();
    });
    second = bus.subscribe('*', undefined, () => seen.push('second'));
    bus.send(event('x'));
    bus.send(event('x'));
    expect(seen).toEqual(['first', 'first']);
  });
});
