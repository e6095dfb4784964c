/**
 * Subscribe a component to the run store (which notifies at most once per animation frame),
 * re-rendering only when what it shows changed.
 */
import { startTransition, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { RunStore } from './run-store.ts';

/**
 * Call `listener` on the store's changes, at most every `ms` (the last change always lands).
 * A change of `urgent(store)` (by Object.is) fires at once, in the store's own notification:
 * every other subscriber of that notification renders in the same React batch, so a pane that
 * passes `(s) => s.status` is never behind the status pill (see ConsolePane).
 * Returns the unsubscribe function.
 */
function subscribeThrottled(
  store: RunStore,
  ms: number,
  listener: () => void,
  urgent?: (store: RunStore) => unknown,
): () => void {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let urgentSeen = urgent?.(store);
  const fire = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    last = Date.now();
    listener();
  };
  const unsubscribe = store.subscribe(() => {
    if (urgent && !Object.is(urgent(store), urgentSeen)) {
      urgentSeen = urgent(store);
      return fire();
    }
    if (timer !== null) return;
    const wait = last + ms - Date.now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}

/**
 * Like useRunStoreSelect, but re-renders at most every `ms`, and at once when `urgent(store)`
 * changes. For panes whose render is costly under a flood of updates, such as the console's
 * DOM text. `urgent` should be a stable function (module level).
 */
export function useThrottledRunStore<T>(
  store: RunStore,
  ms: number,
  select: (store: RunStore) => T,
  urgent?: (store: RunStore) => unknown,
): T {
  const subscribe = useCallback(
    (listener: () => void) => subscribeThrottled(store, ms, listener, urgent),
    [store, ms, urgent],
  );
  return useSyncExternalStore(subscribe, () => select(store));
}

/**
 * Re-render only when `select(store)` changes (by Object.is). For parts that show a few
 * fields of the store, so a stream of frames does not re-render the whole page.
 */
export function useRunStoreSelect<T>(store: RunStore, select: (store: RunStore) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store));
}

/**
 * The store's version, updated at most every `ms` as a transition: React renders it in slices
 * that yield to the browser, so a costly pane under a flood never holds the thread for long.
 * For panes that read the store's buffers directly and tolerate a render against newer data.
 */
export function useRunStoreTransition(store: RunStore, ms: number): number {
  const [version, setVersion] = useState(store.version);
  useEffect(
    () => subscribeThrottled(store, ms, () => startTransition(() => setVersion(store.version))),
    [store, ms],
  );
  return version;
}
