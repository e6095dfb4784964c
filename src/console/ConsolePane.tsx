/**
 * The output console: printed lines (stdout), errors with their traceback (stderr), warnings
 * with the script's line (warn) and the playground's own info lines, each its own element with
 * `data-stream` and a timestamp. The timestamp is drawn by CSS from `data-time`, so the text of
 * `console.output` is exactly what was printed.
 *
 * The test surface's guarantee: the console renders in the same React batch as every change of
 * the run's status (the `urgent` selector below), and the store applies a run's last output
 * and its end in one notification, so when `run.status` reads `finished` or `error` the
 * console already holds every line of that run and its error.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { ConsoleLine, RunStore } from '../app/run-store.ts';
import { useThrottledRunStore } from '../app/use-run-store.ts';
import { formatClock } from './format-time.ts';
import { linePrefix } from './line-text.ts';
import { LineLink, LocationText } from './LocationText.tsx';
import { isAtBottom } from '../inspector/virtual-window.ts';
import './console.css';

const Line = memo(function Line({ line }: { line: ConsoleLine }) {
  return (
    <div
      className={`console-line console-${line.stream}${line.runStart ? ' console-run-start' : ''}`}
      data-time={formatClock(line.time)}
      data-stream={line.stream}
    >
      <span className="console-text">
        {line.stream === 'warn' && (
          <span className="console-prefix">
            {line.line === undefined ? (
              linePrefix(line)
            ) : (
              <LineLink line={line.line}>{linePrefix(line)}</LineLink>
            )}
          </span>
        )}
        <LocationText text={line.text} />
        {'\n'}
      </span>
      {line.traceback && (
        <pre className="console-traceback">
          <LocationText text={line.traceback} />
          {'\n'}
        </pre>
      )}
    </div>
  );
});

/** A change of status renders the console at once, in the status pill's batch. */
const byStatus = (s: RunStore) => s.status;

export const ConsolePane = memo(function ConsolePane({ store }: { store: RunStore }) {
  // Frames do not change the console: it renders when its lines do (the array grows in place).
  const shown = useThrottledRunStore(
    store,
    100,
    (s) => `${s.output.length} ${s.output.at(-1)?.seq} ${s.outputDropped}`,
    byStatus,
  );
  const lines = store.output;
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  // Only when a line came: reading scrollHeight forces a layout of the whole page.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [shown]);

  return (
    <section className="console-pane" aria-label="Console">
      <header className="pane-header">
        <h2>Console</h2>
        <span className="pane-meta">
          {lines.length} line{lines.length === 1 ? '' : 's'}
          {store.outputDropped > 0 && ` · ${store.outputDropped} earlier dropped`}
        </span>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => store.clearOutput()}
          data-testid="console.clear"
        >
          Clear
        </button>
      </header>
      <div
        className="console-scroll"
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = isAtBottom(el.scrollTop, el.clientHeight, el.scrollHeight, 24);
        }}
      >
        <div className="console-output" data-testid="console.output" role="log" aria-live="polite">
          {lines.map((line) => (
            <Line key={line.seq} line={line} />
          ))}
        </div>
        {lines.length === 0 && (
          <p className="console-empty">Output appears here. Press Run or Ctrl+Enter.</p>
        )}
      </div>
    </section>
  );
});
