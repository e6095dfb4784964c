/** The connections inspector: the run's connections above, their live frame log below. */
import { useState, memo } from 'react';
import type { RunStore } from '../app/run-store.ts';
import { useRunStoreTransition } from '../app/use-run-store.ts';
import { ConnectionList } from './ConnectionList.tsx';
import { FrameLog } from './FrameLog.tsx';
import { SessionFile } from './SessionFile.tsx';
import './inspector.css';

export const InspectorPanel = memo(function InspectorPanel({ store }: { store: RunStore }) {
  // Ten updates a second keep a flood readable and leave the page's thread mostly free.
  const version = useRunStoreTransition(store, 100);
  const [selected, setSelected] = useState<number | null>(null);
  const connections = [...store.connections.values()];

  return (
    <div className="inspector" data-testid="inspector.panel">
      <section className="inspector-connections" aria-label="Connections">
        <header className="section-header">
          <h3>Connections</h3>
          <span className="pane-meta">{connections.length}</span>
          <SessionFile store={store} running={store.status === 'running'} />
        </header>
        <ConnectionList
          connections={connections}
          counts={store.frameCounts}
          selected={selected}
          onSelect={setSelected}
        />
      </section>
      <section className="inspector-frames" aria-label="Frames">
        <header className="section-header">
          <h3>Frames</h3>
        </header>
        <FrameLog
          frames={store.frames}
          version={version}
          startedAt={store.startedAt}
          connections={connections}
          connectionId={selected}
          onConnectionChange={setSelected}
        />
      </section>
    </div>
  );
});
