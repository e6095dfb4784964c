/**
 * A policy that arrives with a link (`#code=…&policy=…`, audit M3): it applies to the runs of
 * this page while the banner shows it, and the person's saved policy stays as it was unless
 * they click "Save as my policy". "Use my policy" drops it. A link's policy could otherwise
 * allow what the person's own denies, or quietly replace it. Parsing is the policy model's
 * (parsePolicy); nothing here reads a policy's contents.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Policy } from '../policy/types.ts';
import { formatPolicyCompact, parsePolicy } from '../policy/serialize.ts';

export interface LinkPolicy {
  /** The link's policy while it applies, else null. */
  policy: Policy | null;
  json: string | null;
  /** Why the link's policy was not used, when it could not be read. */
  error: string | null;
  /** Back to the saved policy. */
  dismiss(): void;
  /** Save the link's policy as the person's own (the click M3 asks for), then drop the banner. */
  adopt(save: (policy: Policy) => void): void;
}

function readLink(linkJson: string | undefined): { policy: Policy | null; error: string | null } {
  if (linkJson === undefined) return { policy: null, error: null };
  const parsed = parsePolicy(linkJson);
  return parsed.ok
    ? { policy: parsed.policy, error: null }
    : {
        policy: null,
        error: `The policy in this link was not used (${parsed.error}); your own policy applies.`,
      };
}

export function useLinkPolicy(linkJson: string | undefined): LinkPolicy {
  const [start] = useState(() => readLink(linkJson));
  const [policy, setPolicy] = useState<Policy | null>(start.policy);
  const json = useMemo(() => (policy ? formatPolicyCompact(policy) : null), [policy]);
  const dismiss = useCallback(() => setPolicy(null), []);
  const adopt = useCallback(
    (save: (p: Policy) => void) => {
      if (policy) save(policy);
      setPolicy(null);
    },
    [policy],
  );
  return { policy, json, error: start.error, dismiss, adopt };
}
