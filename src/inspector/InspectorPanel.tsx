/**
 * The connections inspector: the run's connections above, the timeline below: their live
 * frames and, in a project run, the messages between its processes, by time (Timeline). A run
 * picker looks back at the last runs, frames and messages alike; while a run holds a
 * connection open, the composer sends it messages by hand.
 */
import { useState, memo } from 'react';
import type { RunStore } from '../app/run-store.ts';
import { useRunStoreTransition } from '../app/use-run-store.ts';
import { ConnectionList } from './ConnectionList.tsx';
import { Timeline } from './Timeline.tsx';
import { SessionFile } from './SessionFile.tsx';
import { Composer } from './Composer.tsx';
import { RunPicker } from './RunPicker.tsx';
import './inspector.css';
import './process.css';

export const InspectorPanel = memo(function InspectorPanel({ store }: { store: RunStore }) {
  // Ten updates a second keep a flood readable and leave the page's thread mostly free.
  const version = useRunStoreTransition(store, 100);
  const [selected, setSelected] = useState<number | null>(null);
  // A past run picked while `during` was the current one; null follows the current run. A new
  // run brings the view back to the current one (the default), as does the history letting
  // the picked run go.
  const [picked, setPicked] = useState<{ key: number; during: number } | null>(null);
  const past =
    picked && picked.during === store.currentKey ? store.history.find(picked.key) : undefined;
  const run = past ?? store.current;
  const isCurrent = run.key === store.currentKey;
  const connections = [...run.connections.values()];
  // A project run in progress has messages to come; any run with messages shows them.
  const hasMessages =
    (isCurrent && store.projectRun) || run.messages.length > 0 || run.messages.dropped > 0;

  const show = (key: number | null) => {
    setPicked(key === null ? null : { key, during: store.currentKey });
    setSelected(null);
  };

  return (
    <div className="inspector" data-testid="inspector.panel">
      <section className="inspector-connections" aria-label="Connections">
        <header className="section-header">
          <h3>Connections</h3>
          <span className="pane-meta">{connections.length}</span>
          <RunPicker runs={store.inspectedRuns} shown={run} onShow={show} />
          <SessionFile
            store={store}
            run={run}
            running={store.status === 'running'}
            version={version}
          />
        </header>
        <ConnectionList
          connections={connections}
          counts={run.frameCounts}
          selected={selected}
          onSelect={setSelected}
        />
        {isCurrent && store.status === 'running' && (
          <Composer connections={connections} send={store.composer} />
        )}
      </section>
      <section className="inspector-frames" aria-label="Timeline">
        <header className="section-header">
          <h3>{hasMessages ? 'Timeline' : 'Frames'}</h3>
          {hasMessages && (
            <span className="pane-meta">frames ↑↓ and messages between processes ✉</span>
          )}
          {!isCurrent && (
            <span className="pane-meta" data-testid="inspector.past-run">
              {run.label}, an earlier run
            </span>
          )}
        </header>
        <Timeline
          run={run}
          version={version}
          processes={hasMessages}
          connectionId={selected}
          onConnectionChange={setSelected}
        />
      </section>
    </div>
  );
});
