/**
 * What a widget shows: a bar (title, Run, Stop, status, "open in playground"), the code, the
 * connections the run opened and its output. Status, connections and output are drawn from
 * the RunStore in one function, so `run.status` never shows an end before the output does
 * (the same guarantee as the playground's console). Test ids match the playground's:
 * `toolbar.run`, `toolbar.stop`, `run.status`, `console.output` (lines with `data-stream`).
 */
import type { ConsoleLine, RunStore } from '../../app/run-store.ts';
import { linePrefix } from '../../console/line-text.ts';
import { el } from './dom.ts';

/** Lines kept in the widget's DOM; the store keeps more, the `end` event has all. */
const SHOWN_LINES = 1000;

export class WidgetView {
  readonly root = el('div', { className: 'widget' });
  readonly runButton = el('button', {
    className: 'btn btn-run',
    testId: 'toolbar.run',
    text: 'Run',
    attrs: { type: 'button', disabled: '' },
  });
  readonly stopButton = el('button', {
    className: 'btn btn-stop',
    testId: 'toolbar.stop',
    text: 'Stop',
    attrs: { type: 'button', disabled: '' },
  });
  readonly openLink = el('a', {
    className: 'widget-open',
    testId: 'embed.open',
    text: 'Open in playground ↗',
    attrs: { target: '_blank', rel: 'noopener' },
  });
  private readonly title = el('span', { className: 'widget-title' });
  private readonly statusText = el('span', { testId: 'run.status', text: 'idle' });
  private readonly statusNote = el('span', { className: 'status-note' });
  private readonly status = el('span', { className: 'status status-idle' }, [
    el('span', { className: 'status-dot', attrs: { 'aria-hidden': 'true' } }),
    this.statusText,
    this.statusNote,
  ]);
  private readonly connections = el('ul', {
    className: 'widget-connections',
    testId: 'embed.connections',
  });
  private readonly output = el('div', {
    className: 'console-output',
    testId: 'console.output',
    attrs: { role: 'log', 'aria-live': 'polite' },
  });
  private readonly console = el('div', { className: 'widget-console' }, [this.output]);
  private shownSeq = -1;

  constructor(
    private readonly store: RunStore,
    codeElement: HTMLElement,
  ) {
    const bar = el('div', { className: 'widget-bar' }, [
      this.title,
      this.runButton,
      this.stopButton,
      this.status,
      el('span', { className: 'widget-spacer' }),
      this.openLink,
    ]);
    this.connections.hidden = true;
    this.console.hidden = true;
    this.root.append(bar, codeElement, this.connections, this.console);
    store.subscribe(() => this.render());
  }

  setTitle(text: string): void {
    this.title.textContent = text;
    this.title.hidden = text === '';
  }

  enable(): void {
    this.runButton.disabled = false;
  }

  private render(): void {
    const s = this.store;
    this.renderOutput(s.output);
    this.renderConnections();
    const running = s.status === 'running';
    this.runButton.textContent = running ? 'Restart' : 'Run';
    this.stopButton.disabled = !running;
    this.status.className = `status status-${s.status}`;
    this.statusNote.textContent = s.statusNote;
    // Last: the status changes only once the output above shows the whole run.
    if (this.statusText.textContent !== s.status) this.statusText.textContent = s.status;
  }

  private renderOutput(lines: ConsoleLine[]): void {
    const first = lines[0];
    if (!first || first.seq > this.shownSeq + 1 || this.output.childElementCount === 0) {
      // Cleared (a new run) or lines dropped from the front: draw afresh.
      this.output.replaceChildren();
      this.shownSeq = (first?.seq ?? 0) - 1;
    }
    const fresh = lines.filter((l) => l.seq > this.shownSeq).slice(-SHOWN_LINES);
    for (const line of fresh) this.output.append(renderLine(line));
    this.shownSeq = lines.at(-1)?.seq ?? this.shownSeq;
    while (this.output.childElementCount > SHOWN_LINES) this.output.firstElementChild!.remove();
    this.console.hidden = lines.length === 0;
  }

  private renderConnections(): void {
    const infos = [...this.store.connections.values()];
    this.connections.hidden = infos.length === 0;
    this.connections.replaceChildren(
      ...infos.map((c) => {
        const close = c.closeCode !== undefined ? ` ${c.closeCode}` : '';
        const via = c.transport === 'none' ? '' : ` · ${c.transport}`;
        return el('li', { className: `conn conn-${c.state}`, attrs: { title: c.routedUrl } }, [
          el('span', { className: 'conn-url', text: c.url }),
          el('span', { className: 'conn-state', text: `${c.state}${close}${via}` }),
          ...(c.error ? [el('span', { className: 'conn-error', text: c.error })] : []),
        ]);
      }),
    );
  }
}

function renderLine(line: ConsoleLine): HTMLElement {
  const text = el('span', { className: 'console-text' });
  const prefix = linePrefix(line);
  if (prefix) text.append(el('span', { className: 'console-prefix', text: prefix }));
  text.append(line.text + '\n');
  const node = el('div', { className: `console-line console-${line.stream}` }, [text]);
  node.dataset.stream = line.stream;
  if (line.traceback)
    node.append(el('pre', { className: 'console-traceback', text: line.traceback + '\n' }));
  return node;
}
