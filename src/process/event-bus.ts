/**
 * The node's event bus, behind the `events` module (runtime/lua/modules/events/, routed as
 * system/eventbus/dispatcher.go routes it): an event reaches every subscription whose system
 * pattern and kind match, in the order the subscriptions were made.
 *
 * Patterns are the dispatcher's `matchPattern`, not a general glob: `*` or the empty pattern
 * matches everything, a pattern ending in `*` matches by prefix (`test.*` matches `test.a` and
 * `test.`), anything else only itself (a `*` elsewhere is a literal character). A kind of
 * "" or `*` (or none) matches every kind, any other kind is a pattern of the same rule.
 */
import type { BusEvent, EventBus } from './types.ts';

interface Subscriber {
  system: string;
  kind: string | undefined;
  deliver: (event: BusEvent) => void;
}

/** dispatcher.go matchPattern. */
export function matchPattern(pattern: string, value: string): boolean {
  if (pattern === '*' || pattern === '') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

function matches(subscriber: Subscriber, event: BusEvent): boolean {
  if (!matchPattern(subscriber.system, event.system)) return false;
  const { kind } = subscriber;
  return kind === undefined || kind === '' || kind === '*' || matchPattern(kind, event.kind);
}

export function createEventBus(): EventBus {
  const subscribers = new Set<Subscriber>();
  return {
    subscribe(system, kind, deliver) {
      const subscriber: Subscriber = { system, kind, deliver };
      subscribers.add(subscriber);
      return () => void subscribers.delete(subscriber);
    },
    send(event) {
      // A copy: a delivery may subscribe or unsubscribe (a process ending).
      for (const subscriber of [...subscribers])
        if (subscribers.has(subscriber) && matches(subscriber, event)) subscriber.deliver(event);
    },
  };
}
