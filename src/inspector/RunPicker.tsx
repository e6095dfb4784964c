/** Which run the inspector shows: the current one (the default) or one of the last runs. */
import type { InspectedRun } from './run-history.ts';
import { formatClock } from '../console/format-time.ts';

function runLabel(run: InspectedRun, current: boolean): string {
  const n = run.connections.size;
  const when = run.startedAt ? ` · ${formatClock(run.startedAt).slice(0, 8)}` : '';
  const conns = `${n} connection${n === 1 ? '' : 's'}`;
  const m = run.messages.length;
  const messages = m > 0 ? ` · ${m} message${m === 1 ? '' : 's'}` : '';
  return `${run.label} · ${run.status} · ${conns}${messages}${when}${current ? ' (current)' : ''}`;
}

export function RunPicker({
  runs,
  shown,
  onShow,
}: {
  /** Oldest first, the current run last. */
  runs: InspectedRun[];
  shown: InspectedRun;
  /** null: follow the current run. */
  onShow(key: number | null): void;
}) {
  const current = runs[runs.length - 1];
  if (runs.length < 2) return null;
  return (
    <select
      className="run-picker"
      aria-label="Run shown in the inspector"
      value={shown.key}
      onChange={(e) => {
        const key = Number(e.target.value);
        onShow(key === current.key ? null : key);
      }}
      data-testid="inspector.run-select"
    >
      {[...runs].reverse().map((run) => (
        <option key={run.key} value={run.key}>
          {runLabel(run, run === current)}
        </option>
      ))}
    </select>
  );
}
