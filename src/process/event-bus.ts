/**
 * The node's event bus, behind the `events` module (runtime/lua/modules/events): a send reaches
 * every subscription whose system pattern matches (`*` matches any run of characters) and whose
 * kind, when given, is equal.
 */
import type { BusEvent, EventBus } from './types.ts';

interface Subscriber {
  system: RegExp;
  kind: string | undefined;
  deliver: (event: BusEvent) => void;
}

function pattern(system: string): RegExp {
  const escaped = system.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function createEventBus(): EventBus {
  const subscribers = new Set<Subscriber>();
  return {
    subscribe(system, kind, deliver) {
      const subscriber: Subscriber = { system: pattern(system), kind, deliver };
      subscribers.add(subscriber);
      return () => void subscribers.delete(subscriber);
    },
    send(event) {
      for (const s of [...subscribers]) {
        if (!s.system.test(event.system)) continue;
        if (s.kind !== undefined && s.kind !== event.kind) continue;
        s.deliver(event);
      }
    },
  };
}
