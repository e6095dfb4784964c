/** Placeholder until the policy model lands; replaced by the real panel. */
import type { PolicyState } from './use-policy.ts';
import type { RunStore } from '../app/run-store.ts';

export function PolicyPanel({ state, store }: { state: PolicyState; store: RunStore }) {
  void store;
  return <div data-testid="policy.panel">{state.json}</div>;
}
