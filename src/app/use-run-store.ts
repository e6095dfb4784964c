/** Subscribe a component to the run store; it re-renders at most once per animation frame. */
import { useSyncExternalStore } from 'react';
import type { RunStore } from './run-store.ts';

export function useRunStore(store: RunStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
