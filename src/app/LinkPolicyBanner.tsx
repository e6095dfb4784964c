/** The banner of a link's policy (use-link-policy.ts): what applies, and the two ways out. */
import type { LinkPolicy } from './use-link-policy.ts';
import type { Policy } from '../policy/types.ts';

export function LinkPolicyBanner({
  link,
  save,
}: {
  link: LinkPolicy;
  save: (policy: Policy) => void;
}) {
  if (!link.policy) return null;
  return (
    <div className="notice notice-policy" role="status" data-testid="policy.link-banner">
      <span>
        This link brought its own security policy: runs on this page use it. Your saved policy is
        unchanged.
      </span>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        title={link.json ?? ''}
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
        Use my policy
      </button>
    </div>
  );
}
