/** Run / Stop, the run status, and the transport choice (TransportSelect.tsx). */
import type { ReactNode } from 'react';
import type { RunStatus } from '../shared/run-events.ts';
import { StatusPill } from './StatusPill.tsx';

export interface ToolbarProps {
  status: RunStatus;
  statusNote: string;
  onRun(): void;
  onStop(): void;
  /** The transport choice, where the toolbar has room for it. */
  transportSelect?: ReactNode;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const RUN_SHORTCUT = isMac ? '⌘ Enter' : 'Ctrl Enter';
const STOP_SHORTCUT = isMac ? '⌘ .' : 'Ctrl .';

export function Toolbar({ status, statusNote, onRun, onStop, transportSelect }: ToolbarProps) {
  const running = status === 'running';
  return (
    <div className="toolbar" role="toolbar" aria-label="Run controls">
      <button
        type="button"
        className="btn btn-run"
        onClick={onRun}
        data-testid="toolbar.run"
        title={`Run (${RUN_SHORTCUT})`}
      >
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M2 1.2v9.6L10.5 6z" fill="currentColor" />
        </svg>
        {running ? 'Restart' : 'Run'}
      </button>
      <button
        type="button"
        className="btn btn-stop"
        onClick={onStop}
        disabled={!running}
        data-testid="toolbar.stop"
        title={`Stop the script (${STOP_SHORTCUT})`}
      >
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
          <rect width="10" height="10" rx="1.5" fill="currentColor" />
        </svg>
        Stop
      </button>
      <StatusPill status={status} note={statusNote} />
      {transportSelect}
    </div>
  );
}
