/**
 * A policy that arrives with a link (`#code=…&policy=…`). It is offered, not applied: the banner
 * shows it, and until the person applies it with one click runs use their own policy (audit 2,
 * L3; the first audit's M3 asked for a confirmation, since a link's policy may allow what the
 * person's own denies). "Apply" uses it for this page's runs, "Save as my policy" makes it the
 * person's own, "Ignore" / "Use my policy" drops it. Parsing is the policy model's
 * (parsePolicy, bounded and linear); nothing here reads a policy's contents.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Policy } from '../policy/types.ts';
import { formatPolicyCompact, parsePolicy } from '../policy/serialize.ts';

export interface LinkPolicy {
  /** The link's policy while it is offered and not yet applied, else null. */
  offered: Policy | null;
  /** The link's policy once applied (runs use it), else null. */
  policy: Policy | null;
  /** `policy` as compact JSON (for sharing), null when not applied. */
  json: string | null;
  /** Why the link's policy was not used, when it could not be read. */
  error: string | null;
  /** The click that applies an offered policy to this page's runs. */
  apply(): void;
  /** Back to the saved policy. */
  dismiss(): void;
  /** Save the link's policy as the person's own, then drop the banner. */
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
  const [linked, setLinked] = useState<Policy | null>(start.policy);
  const [applied, setApplied] = useState(false);
  const policy = applied ? linked : null;
  const json = useMemo(() => (policy ? formatPolicyCompact(policy) : null), [policy]);
  const apply = useCallback(() => setApplied(true), []);
  const dismiss = useCallback(() => {
    setLinked(null);
    setApplied(false);
  }, []);
  const adopt = useCallback(
    (save: (p: Policy) => void) => {
      if (linked) save(linked);
      dismiss();
    },
    [linked, dismiss],
  );
  return {
    offered: applied ? null : linked,
    policy,
    json,
    error: start.error,
    apply,
    dismiss,
    adopt,
  };
}
