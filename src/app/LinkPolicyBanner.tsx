/**
 * The banner of a link's policy (use-link-policy.ts): offered (shown, not applied: runs use the
 * person's own policy until one click applies it), or applied; and the ways out.
 */
import type { LinkPolicy } from './use-link-policy.ts';
import type { Policy } from '../policy/types.ts';

function describeContext(policy: Policy): string {
  const actor = policy.actor ? `actor ${policy.actor.id}` : 'no actor';
  const scope = policy.scope
    ? `scope: groups [${policy.scope.groups.join(', ')}], policies [${policy.scope.policies.join(', ')}]`
    : 'no scope';
  return `${actor}; ${scope}${policy.strict ? '; strict' : ''}`;
}

export function LinkPolicyBanner({
  link,
  save,
}: {
  link: LinkPolicy;
  save: (policy: Policy) => void;
}) {
  const shown = link.offered ?? link.policy;
  if (!shown) return null;
  const offered = link.offered !== null;
  return (
    <div
      className="notice notice-policy"
      role="status"
      data-testid="policy.link-banner"
      data-state={offered ? 'offered' : 'applied'}
    >
      <span>
        {offered
          ? 'This link brought its own security policy. Runs use your own policy until you apply it.'
          : "Runs on this page use the link's security policy. Your saved policy is unchanged."}
      </span>
      <details className="link-policy-details">
        <summary>What it says</summary>
        <p data-testid="policy.link-context">{describeContext(shown)}</p>
        <pre data-testid="policy.link-source">{shown.source}</pre>
      </details>
      {offered && (
        <button
          type="button"
          className="btn btn-small"
          onClick={link.apply}
          data-testid="policy.link-apply"
        >
          Apply for this page
        </button>
      )}
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={() => link.adopt(save)}
        data-testid="policy.link-save"
      >
        Save as my policy
      </button>
      <button
        type="button"
        className="btn btn-small"
        onClick={link.dismiss}
        data-testid="policy.link-dismiss"
      >
        {offered ? 'Ignore' : 'Use my policy'}
      </button>
    </div>
  );
}
