/** Connection attempts the policy denied in this page's runs, newest first, as they happen. */
import type { RunStore } from '../app/run-store.ts';
import { formatClock } from '../console/format-time.ts';

export function DeniedList({ store }: { store: RunStore }) {
  const denied = store.denied;
  return (
    <div className="denied" data-testid="policy.denied">
      {denied.length === 0 ? (
        <p className="empty-note">No denied attempts yet.</p>
      ) : (
        <ul className="denied-list">
          {[...denied].reverse().map((d) => (
            <li key={d.seq} className="denied-item" data-testid="policy.denied-item">
              <span className="denied-time mono">{formatClock(d.time)}</span>
              <span className="denied-url mono">{d.decision.resource || d.decision.action}</span>
              <span className="denied-why">{d.decision.explanation}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
