/**
 * What a widget shows before its frame exists: the code, highlighted, with Run enabled, drawn
 * in the host page (in a shadow root, so neither page's styles leak into the other). The
 * sandboxed frame is made only when the reader is about to use the widget (pointer over it,
 * focus, Run, a click on the code, an SDK call): a page of twenty snippets costs twenty
 * small DOM trees, not twenty documents, workers or editors. The frame, once loaded, takes
 * the placeholder's place with the same look; runs happen only there.
 */
import { tokenizeLua } from '../highlight.ts';
import type { WidgetSetup } from '../../shared/embed-protocol.ts';
import { openInPlaygroundUrl } from '../open-link.ts';

const STYLE = `
:host { display: block; }
.widget { border: 1px solid var(--border); border-radius: 6px; overflow: hidden; background: var(--bg);
  color: var(--text); font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; }
.widget[data-theme='light'] { --bg: #fff; --bg-code: #f6f8fa; --bg-bar: #f0f2f5; --border: #d0d7de;
  --text: #1f2328; --dim: #656d76; --accent: #2563eb; --kw: #cf222e; --str: #0a3069; --com: #6e7781; --num: #0550ae; }
.widget[data-theme='dark'] { --bg: #1e1e1e; --bg-code: #181818; --bg-bar: #252526; --border: #333336;
  --text: #d4d4d4; --dim: #9d9d9d; --accent: #3b82f6; --kw: #c586c0; --str: #ce9178; --com: #6a9955; --num: #b5cea8; }
.bar { display: flex; align-items: center; gap: 8px; padding: 6px 8px; background: var(--bg-bar);
  border-bottom: 1px solid var(--border); }
.title { font-weight: 600; }
.spacer { flex: 1; }
button { font: inherit; padding: 2px 12px; border-radius: 4px; border: 1px solid var(--border);
  background: var(--bg); color: var(--text); cursor: pointer; }
.run:not(:disabled) { background: var(--accent); border-color: var(--accent); color: #fff; }
button:disabled { opacity: 0.5; cursor: default; }
.status { display: inline-flex; align-items: center; gap: 5px; color: var(--dim); }
.dot { width: 8px; height: 8px; border-radius: 50%; background: var(--dim); }
a { color: var(--accent); text-decoration: none; font-size: 12px; }
pre { margin: 0; padding: 10px 12px; background: var(--bg-code); overflow-x: auto; cursor: text;
  font: 13px/1.5 Menlo, Consolas, 'DejaVu Sans Mono', monospace; white-space: pre; outline: none; }
pre:focus-visible { box-shadow: inset 0 0 0 2px var(--accent); }
.tok-keyword { color: var(--kw); } .tok-string { color: var(--str); }
.tok-comment { color: var(--com); font-style: italic; } .tok-number { color: var(--num); }
`;

/** One stylesheet shared by every placeholder's shadow root (parsed once per page). */
let sheet: CSSStyleSheet | null = null;
function sharedSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

function node<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const n = document.createElement(tag);
  if (className) n.className = className;
  if (text !== undefined) n.textContent = text;
  return n;
}

export class Placeholder {
  /** In the host page's DOM; the view is in its shadow root. */
  readonly element = document.createElement('div');
  private readonly root: HTMLDivElement;
  private readonly pre = node('pre', '');
  private readonly run = node('button', 'run', 'Run');
  private readonly status = node('span', '', 'idle');
  private readonly open = node('a', '', 'Open in playground ↗');
  /** A pointer is down on the placeholder and not yet released. */
  private pressed = false;
  private afterPress: (() => void)[] = [];

  constructor(
    private readonly setup: WidgetSetup,
    private readonly origin: string,
    on: { run(): void; edit(): void; warm(): void },
  ) {
    const shadow = this.element.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sharedSheet()];
    this.root = node('div', 'widget');
    const stop = node('button', '', 'Stop');
    stop.disabled = true;
    this.run.type = stop.type = 'button';
    this.run.dataset.testid = 'toolbar.run';
    stop.dataset.testid = 'toolbar.stop';
    this.status.dataset.testid = 'run.status';
    this.pre.dataset.testid = 'embed.code';
    this.pre.tabIndex = 0;
    this.pre.title = 'Click to edit';
    this.open.target = '_blank';
    this.open.rel = 'noopener';
    this.open.dataset.testid = 'embed.open';
    const statusBox = node('span', 'status');
    statusBox.append(node('span', 'dot'), this.status);
    const bar = node('div', 'bar');
    if (setup.title) bar.append(node('span', 'title', setup.title));
    bar.append(this.run, stop, statusBox, node('span', 'spacer'), this.open);
    this.root.append(bar, this.pre);
    shadow.append(this.root);

    this.run.addEventListener('click', () => on.run());
    this.pre.addEventListener('click', () => on.edit());
    this.element.addEventListener('pointerenter', () => on.warm());
    this.element.addEventListener('focusin', () => on.warm());
    this.element.addEventListener('pointerdown', this.onPointerDown);
    this.update();
  }

  /** Redraw from the setup (code, policy and theme may have changed). */
  update(): void {
    this.root.dataset.theme = this.setup.theme;
    this.open.href = openInPlaygroundUrl(this.origin, this.setup);
    this.pre.replaceChildren(
      ...tokenizeLua(this.setup.code).map((t) => {
        if (t.kind === 'other' || t.kind === 'name') return document.createTextNode(t.text);
        return node('span', `tok-${t.kind}`, t.text);
      }),
    );
  }

  /**
   * Call `fn` now, or once a press in progress on the placeholder is over. The loaded frame
   * takes the placeholder's place; doing that under a pressed Run would lose the click, since
   * the release would land on the frame and a click needs the press and the release on the
   * button (a reader's first press is often the one that made the frame).
   */
  whenNotPressed(fn: () => void): void {
    if (this.pressed) this.afterPress.push(fn);
    else fn();
  }

  private readonly onPointerDown = (): void => {
    if (this.pressed) return;
    this.pressed = true;
    // Released anywhere: the pointer may have left the placeholder meanwhile.
    const released = (): void => {
      removeEventListener('pointerup', released, true);
      removeEventListener('pointercancel', released, true);
      this.pressed = false;
      // After the click this release makes, which is dispatched in the same task.
      setTimeout(() => {
        for (const fn of this.afterPress.splice(0)) fn();
      });
    };
    addEventListener('pointerup', released, true);
    addEventListener('pointercancel', released, true);
  };

  /** The frame is on its way: Run waits for it. */
  starting(): void {
    this.run.disabled = true;
    this.run.textContent = 'Starting…';
  }

  /** The frame did not come (refused by the playground's frame-ancestors, or unreachable). */
  failed(reason: string): void {
    this.run.textContent = 'Run';
    this.run.disabled = true;
    this.status.textContent = 'error';
    this.status.title = reason;
    const note = node('div', 'bar', reason);
    note.dataset.testid = 'embed.failed';
    this.root.append(note);
  }

  get height(): number {
    return Math.ceil(this.element.getBoundingClientRect().height);
  }
}
