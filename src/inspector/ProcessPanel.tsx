/**
 * The processes of a project run (issue 21): one card per process with its pid, entry, host,
 * state, queue length, links, monitors, what it waits on, and its result or error once ended;
 * Terminate (immediate, an error exit: links get LINK_DOWN) and Cancel (a CANCEL event the
 * process may handle) while it lives. This is what the platform's CLI cannot show, and what
 * makes supervision visible: a terminated worker's card fails and its replacement appears.
 */
import { memo, useState } from 'react';
import type { RunStore } from '../app/run-store.ts';
import { useRunStoreTransition } from '../app/use-run-store.ts';
import type { ProcessInfo } from '../shared/run-events.ts';
import { isEnded } from './process-records.ts';
import { formatRelative } from '../console/format-time.ts';
import './process.css';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="mono">{value}</dd>
    </>
  );
}

const list = (pids: string[]) => (pids.length === 0 ? '—' : pids.join(', '));

function ProcessCard({
  info,
  startedAt,
  live,
  onControl,
}: {
  info: ProcessInfo;
  startedAt: number;
  /** The run is in progress: the buttons can reach the process. */
  live: boolean;
  onControl(pid: string, action: 'terminate' | 'cancel'): void;
}) {
  const ended = isEnded(info);
  return (
    <li
      className={`proc-card proc-${info.state}`}
      data-testid="processes.process"
      data-pid={info.pid}
      data-entry={info.entryId}
      data-state={info.state}
    >
      <div className="proc-head">
        <span className="proc-pid mono">{info.pid}</span>
        <span className={`proc-state proc-state-${info.state}`} data-testid="processes.state">
          {info.state}
        </span>
        <span className="proc-entry mono" title={`${info.entryId} on ${info.host}`}>
          {info.entryId}
        </span>
        {!ended && live && (
          <span className="proc-actions">
            <button
              type="button"
              className="btn btn-small"
              title="Ask it to stop: it gets a CANCEL event and may clean up"
              data-testid="processes.cancel"
              onClick={() => onControl(info.pid, 'cancel')}
            >
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-small btn-danger"
              title="End it now, as an error exit (linked processes get LINK_DOWN)"
              data-testid="processes.terminate"
              onClick={() => onControl(info.pid, 'terminate')}
            >
              Terminate
            </button>
          </span>
        )}
      </div>
      <dl className="proc-fields">
        <Field label="host" value={info.host} />
        {info.parent && <Field label="parent" value={info.parent} />}
        <Field label="queue" value={String(info.queue)} />
        <Field label="links" value={list(info.links)} />
        <Field label="monitors" value={list(info.monitors)} />
        {info.waitingOn && !ended && <Field label="waiting on" value={info.waitingOn} />}
        {info.result !== undefined && <Field label="result" value={info.result} />}
        {info.error !== undefined && <Field label="error" value={info.error} />}
        <Field
          label="time"
          value={`started ${formatRelative(info.startedAt, startedAt)}${
            info.endedAt !== undefined ? `, ended ${formatRelative(info.endedAt, startedAt)}` : ''
          }`}
        />
      </dl>
    </li>
  );
}

export const ProcessPanel = memo(function ProcessPanel({ store }: { store: RunStore }) {
  useRunStoreTransition(store, 100);
  // A supervised pool leaves a failed card per restart; hiding them keeps the live ones in view.
  const [showEnded, setShowEnded] = useState(true);
  const records = store.processes;
  const all = [...records.byPid.values()];
  const processes = showEnded ? all : all.filter((info) => !isEnded(info));
  const live = store.status === 'running';
  return (
    <div className="processes" data-testid="processes.panel">
      <header className="section-header">
        <h3>Processes</h3>
        <span className="pane-meta" data-testid="processes.count">
          {records.live} live · {records.size} in all
        </span>
        <label className="proc-show-ended">
          <input
            type="checkbox"
            checked={showEnded}
            data-testid="processes.show-ended"
            onChange={(e) => setShowEnded(e.target.checked)}
          />
          ended ones
        </label>
      </header>
      {all.length === 0 ? (
        <p className="empty-note">
          {store.projectRun
            ? 'No process has started yet.'
            : 'A project run’s processes appear here. Open a project (⋯ menu → New project) or a process example from the gallery, and press Run.'}
        </p>
      ) : processes.length === 0 ? (
        <p className="empty-note">Every process has ended.</p>
      ) : (
        <ul className="proc-list">
          {processes.map((info) => (
            <ProcessCard
              key={info.pid}
              info={info}
              startedAt={store.startedAt}
              live={live}
              onControl={(pid, action) => store.controlProcess(pid, action)}
            />
          ))}
        </ul>
      )}
    </div>
  );
});
