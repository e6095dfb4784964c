/** "Test a URL": the decision the policy makes for it, and the rule (or default) that made it. */
import { useMemo, useState } from 'react';
import type { Decision, Policy } from './types.ts';
import { checkConnect } from './policy.ts';

export function useUrlTest(policy: Policy) {
  const [url, setUrl] = useState('wss://api.example.com/ws');
  const decision = useMemo<Decision | null>(
    () => (url.trim() ? checkConnect(policy, url.trim()) : null),
    [policy, url],
  );
  return { url, setUrl, decision };
}

export function UrlTester({ url, setUrl, decision }: ReturnType<typeof useUrlTest>) {
  return (
    <div className="url-tester">
      <input
        className="input mono"
        value={url}
        spellCheck={false}
        onChange={(e) => setUrl(e.target.value)}
        placeholder="wss://host/path"
        aria-label="URL to test"
        data-testid="policy.test-url"
      />
      {decision && (
        <div
          className={`decision ${decision.allowed ? 'is-allowed' : 'is-denied'}`}
          data-testid="policy.decision"
        >
          <span className="decision-verdict">{decision.allowed ? 'Allowed' : 'Denied'}</span>
          <span className="decision-why">{decision.explanation}</span>
        </div>
      )}
    </div>
  );
}
