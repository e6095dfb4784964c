/** "Test a URL": the decision the policy makes for it, and the entry that made it. */
import { useMemo, useState } from 'react';
import type { Decision, Policy } from './types.ts';
import { checkConnect } from './policy.ts';

export function useUrlTest(policy: Policy) {
  const [url, setUrl] = useState('wss://api.example.com/ws');
  // The URL as typed, not trimmed: the platform checks the URL exactly as the script wrote it.
  const decision = useMemo<Decision | null>(
    () => (url !== '' ? checkConnect(policy, url) : null),
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
          <span className="decision-verdict">
            {decision.allowed ? 'Allowed' : 'Denied'}
            <span className="decision-action mono"> {decision.action}</span>
          </span>
          <span className="decision-why">{decision.explanation}</span>
        </div>
      )}
    </div>
  );
}
