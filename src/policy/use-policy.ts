/**
 * The page's security policy: the saved one from localStorage (versioned, see serialize.ts),
 * or the one a permalink carries (`&policy=`, used for this page and saved only once edited).
 * Every edit in the panel is saved.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Policy } from './types.ts';
import { formatPolicyCompact, loadSavedPolicy, parsePolicy, savePolicy } from './serialize.ts';
import type { PolicyStorage } from './serialize.ts';

export type PolicySource = 'saved' | 'default' | 'link';

function storage(): PolicyStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

interface Initial {
  policy: Policy;
  source: PolicySource;
  problem: string | null;
  linkError: string | null;
}

function initial(linkJson: string | undefined): Initial {
  const saved = loadSavedPolicy(storage());
  if (linkJson !== undefined) {
    const parsed = parsePolicy(linkJson);
    if (parsed.ok) return { policy: parsed.policy, source: 'link', problem: null, linkError: null };
    return {
      policy: saved.policy,
      source: saved.source,
      problem: saved.problem ?? null,
      linkError: `The policy in this link was not used (${parsed.error}); your own policy applies.`,
    };
  }
  return {
    policy: saved.policy,
    source: saved.source,
    problem: saved.problem ?? null,
    linkError: null,
  };
}

export function usePolicyState(linkJson?: string) {
  const [start] = useState(() => initial(linkJson));
  const [policy, setPolicyState] = useState<Policy>(start.policy);
  const [source, setSource] = useState<PolicySource>(start.source);
  const [problem, setProblem] = useState<string | null>(start.problem);

  const setPolicy = useCallback((next: Policy) => {
    setPolicyState(next);
    setSource('saved');
    const saved = savePolicy(storage(), next);
    setProblem(saved.ok ? null : saved.error);
  }, []);

  const json = useMemo(() => formatPolicyCompact(policy), [policy]);
  return { policy, setPolicy, source, problem, linkError: start.linkError, json };
}

export type PolicyState = ReturnType<typeof usePolicyState>;
