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
 *
 * A project run's lines carry the pid of the process that wrote them (drawn by CSS from
 * `data-pid`, so the text stays what was printed), a filter shows one process's lines. Once a
 * process of the run asks for terminal input (`io.readline`/`io.read`, a lone script's
 * `require("io")` too), an input line sends what is typed to it (Enter), for the rest of the
 * run, and says who is waiting while a read is pending.
 */
import { memo, useContext, useLayoutEffect, useRef, useState } from 'react';
import type { ConsoleLine, RunStore } from '../app/run-store.ts';
import { readersText } from './readers-text.ts';
import { useThrottledRunStore } from '../app/use-run-store.ts';
import { formatClock } from './format-time.ts';
import { linePrefix } from './line-text.ts';
import { LineLink, LocationText } from './LocationText.tsx';
import { LocationTargetsContext } from './location-targets.ts';
import { isAtBottom } from '../inspector/virtual-window.ts';
import { useRunStoreSelect } from '../app/use-run-store.ts';
import { shortPid } from './short-pid.ts';
import './console.css';

const Line = memo(function Line({ line }: { line: ConsoleLine }) {
  return (
    <div
      className={`console-line console-${line.stream}${line.runStart ? ' console-run-start' : ''}`}
      data-time={formatClock(line.time)}
      data-stream={line.stream}
    >
      <span className="console-text">
        {line.pid && (
          <span className="console-pid" data-pid={shortPid(line.pid)} title={line.pid} />
        )}
        {line.stream === 'warn' && <WarningPrefix line={line} />}
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

/**
 * `warning (line 3): ` or, for a project's file, `warning: src/lib.lua:4: `: a link to that
 * line when the console knows the file (the script's own, or one of the project's Lua files).
 */
function WarningPrefix({ line }: { line: ConsoleLine }) {
  const { chunks } = useContext(LocationTargetsContext);
  const prefix = linePrefix(line);
  const at = line.line;
  const linked = at !== undefined && (line.chunk === undefined || chunks.includes(line.chunk));
  return (
    <span className="console-prefix">
      {linked ? (
        <LineLink line={at} chunk={line.chunk}>
          {prefix}
        </LineLink>
      ) : (
        prefix
      )}
    </span>
  );
}

/** A change of status renders the console at once, in the status pill's batch. */
const byStatus = (s: RunStore) => s.status;

/** What the input line and the pid filter need: who reads, and the run's processes. */
const projectState = (s: RunStore) =>
  `${s.inputOffered ? 1 : 0} ${s.inputReaders.map((r) => r.pid).join()} ${s.status} ${s.processes.size} ${s.processes.byPid.size}`;

/** Enter sends the line to the terminal process (io.readline) of the run in progress. */
function InputLine({ store }: { store: RunStore }) {
  const [text, setText] = useState('');
  const waiting = store.inputReaders.length > 0;
  return (
    <form
      className={`console-input${waiting ? ' is-waiting' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (store.sendInput(text)) setText('');
      }}
    >
      <span className="console-input-prompt" aria-hidden="true">
        ⏎
      </span>
      <input
        className="input"
        aria-label="Input line for the terminal process (io.readline); Enter sends"
        placeholder="Type a line for io.readline and press Enter"
        data-testid="console.input"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <span className="console-input-hint" data-testid="console.input-hint" role="status">
        {readersText(store.inputReaders)}
      </span>
    </form>
  );
}

/** All lines, or one process's (`pid`), or the run's own lines (`run`). */
function PidFilter({
  store,
  value,
  onChange,
}: {
  store: RunStore;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <select
      className="console-pid-filter"
      aria-label="Show the lines of"
      data-testid="console.pid-filter"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">all processes</option>
      <option value="run">the run itself</option>
      {[...store.processes.byPid.values()].map((p) => (
        <option key={p.pid} value={p.pid}>
          {shortPid(p.pid)} {p.entryId}
        </option>
      ))}
    </select>
  );
}

export const ConsolePane = memo(function ConsolePane({ store }: { store: RunStore }) {
  // Frames do not change the console: it renders when its lines do (the array grows in place).
  const shown = useThrottledRunStore(
    store,
    100,
    (s) => `${s.output.length} ${s.output.at(-1)?.seq} ${s.outputDropped}`,
    byStatus,
  );
  useRunStoreSelect(store, projectState);
  const [pid, setPid] = useState('');
  const lines =
    pid === ''
      ? store.output
      : store.output.filter((l) => (pid === 'run' ? !l.pid : l.pid === pid));
  // With one process (a lone script is one too) there is nothing to tell apart.
  const hasProcesses = store.processes.size > 1;
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
        {(hasProcesses || pid !== '') && <PidFilter store={store} value={pid} onChange={setPid} />}
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
      {store.inputOffered && store.status === 'running' && <InputLine store={store} />}
    </section>
  );
});
