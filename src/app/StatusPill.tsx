/** The run status, as text exactly `idle`, `running`, `finished` or `error` (test id run.status). */
import type { RunStatus } from '../shared/run-events.ts';

export function StatusPill({ status, note }: { status: RunStatus; note: string }) {
  return (
    <span className={`status status-${status}`} title={note ? `${status} (${note})` : status}>
      <span className="status-dot" aria-hidden="true" />
      <span data-testid="run.status">{status}</span>
      {note && <span className="status-note">{note}</span>}
    </span>
  );
}
