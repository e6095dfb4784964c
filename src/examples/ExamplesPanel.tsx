/**
 * The examples gallery: the original page's examples, the playground's own, and the process
 * tutorials (projects of several files, opened as a project); one click to open.
 */
import { memo } from 'react';
import type { ExampleEntry } from './manifest.ts';
import './examples.css';

export interface ExamplesPanelProps {
  examples: ExampleEntry[];
  error: string | null;
  current: string | null;
  onOpen(name: string): void;
}

function Group({
  title,
  items,
  current,
  onOpen,
}: {
  title: string;
  items: ExampleEntry[];
  current: string | null;
  onOpen(name: string): void;
}) {
  if (items.length === 0) return null;
  return (
    <section className="examples-group">
      <h3>{title}</h3>
      <ul className="examples-grid">
        {items.map((e) => (
          <li key={e.name}>
            <button
              type="button"
              className={`example-card ${current === e.name ? 'is-current' : ''}`}
              onClick={() => onOpen(e.name)}
              data-testid={`examples.${e.name}`}
            >
              <span className="example-title">{e.title}</span>
              <span className="example-desc">{e.description}</span>
              <span className="example-file mono">
                {e.project ? `${e.name}/ · ${e.project.files.length} files` : `${e.name}.lua`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const ExamplesPanel = memo(function ExamplesPanel({
  examples,
  error,
  current,
  onOpen,
}: ExamplesPanelProps) {
  return (
    <div className="examples" data-testid="examples.panel">
      {error && <p className="error-note">Could not load the examples: {error}</p>}
      <Group
        title="From the websocket documentation"
        items={examples.filter((e) => e.group === 'original' && !e.project)}
        current={current}
        onOpen={onOpen}
      />
      <Group
        title="More"
        items={examples.filter((e) => e.group === 'more' && !e.project)}
        current={current}
        onOpen={onOpen}
      />
      <Group
        title="Processes (projects from the platform's tutorials)"
        items={examples.filter((e) => e.project)}
        current={current}
        onOpen={onOpen}
      />
    </div>
  );
});
