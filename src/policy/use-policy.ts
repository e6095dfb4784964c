/**
 * The page's security policy: the saved one from localStorage (versioned, see serialize.ts),
 * or the one a permalink carries (`&policy=`, used for this page and saved only once edited).
 * Every edit in the panel is saved. A policy in an older format is converted on load; the
 * conversion notices are kept for the panel to show, and the converted policy is saved at once
 * so they show once.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Policy } from './types.ts';
import { formatPolicyCompact, loadSavedPolicy, parsePolicy, savePolicy } from './serialize.ts';
import type { PolicyStorage } from './serialize.ts';
import { clonePolicy, DEFAULT_POLICY } from './presets.ts';

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
  notices: string[];
}

function initial(linkText: string | undefined): Initial {
  const saved = loadSavedPolicy(storage(), clonePolicy(DEFAULT_POLICY));
  if (saved.notices.length > 0) savePolicy(storage(), saved.policy);
  const fromSaved = {
    policy: saved.policy,
    source: saved.source,
    problem: saved.problem ?? null,
    notices: saved.notices,
  };
  if (linkText !== undefined) {
    const parsed = parsePolicy(linkText);
    if (parsed.ok) {
      return {
        policy: parsed.policy,
        source: 'link',
        problem: null,
        linkError: null,
        notices: parsed.notices,
      };
    }
    return {
      ...fromSaved,
      linkError: `The policy in this link was not used (${parsed.error}); your own policy applies.`,
    };
  }
  return { ...fromSaved, linkError: null };
}

export function usePolicyState(linkText?: string) {
  const [start] = useState(() => initial(linkText));
  const [policy, setPolicyState] = useState<Policy>(start.policy);
  const [source, setSource] = useState<PolicySource>(start.source);
  const [problem, setProblem] = useState<string | null>(start.problem);
  const [notices, setNotices] = useState<string[]>(start.notices);

  const setPolicy = useCallback((next: Policy, nextNotices?: string[]) => {
    setPolicyState(next);
    setSource('saved');
    if (nextNotices !== undefined) setNotices(nextNotices);
    const saved = savePolicy(storage(), next);
    setProblem(saved.ok ? null : saved.error);
  }, []);

  const json = useMemo(() => formatPolicyCompact(policy), [policy]);
  return {
    policy,
    setPolicy,
    source,
    problem,
    notices,
    dismissNotices: () => setNotices([]),
    linkError: start.linkError,
    json,
  };
}

export type PolicyState = ReturnType<typeof usePolicyState>;
