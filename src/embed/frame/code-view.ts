/**
 * The widget's code: highlighted text until the reader clicks it, then Monaco (loaded at that
 * moment, see frame-editor.ts). The text stays the source of truth for Run either way.
 */
import { tokenizeLua } from '../highlight.ts';
import type { EmbedTheme } from '../../shared/embed-protocol.ts';
import type { FrameEditor } from './frame-editor.ts';
import { el } from './dom.ts';

export class CodeView {
  readonly element = el('div', { className: 'widget-code', testId: 'embed.code' });
  private readonly pre = el('pre', {
    className: 'lua-code',
    attrs: {
      tabindex: '0',
      role: 'button',
      'aria-label': 'Lua code; click to edit',
      title: 'Click to edit',
    },
  });
  private editor: FrameEditor | null = null;
  private loading = false;

  constructor(
    private code: string,
    private theme: EmbedTheme,
    private readonly on: { change(code: string): void; run(): void; editing(): void },
  ) {
    this.element.append(this.pre);
    this.render();
    this.pre.addEventListener('click', () => void this.edit());
    this.pre.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        void this.edit();
      }
    });
  }

  setCode(code: string): void {
    this.code = code;
    if (this.editor) this.editor.setValue(code);
    else this.render();
  }

  setTheme(theme: EmbedTheme): void {
    this.theme = theme;
    this.editor?.setTheme(theme);
  }

  private render(): void {
    const nodes = tokenizeLua(this.code).map((t) =>
      t.kind === 'other' || t.kind === 'name'
        ? document.createTextNode(t.text)
        : el('span', { className: `tok-${t.kind}`, text: t.text }),
    );
    this.pre.replaceChildren(...nodes);
  }

  /** Switch to Monaco (loading it now). */
  async edit(): Promise<void> {
    if (this.editor || this.loading) return;
    this.loading = true;
    this.element.setAttribute('aria-busy', 'true');
    this.on.editing();
    try {
      const { createFrameEditor } = await import('./frame-editor.ts');
      const host = el('div', { className: 'widget-editor' });
      this.element.replaceChildren(host);
      this.editor = createFrameEditor(host, this.code, this.theme, {
        change: (code) => {
          this.code = code;
          this.on.change(code);
        },
        run: () => this.on.run(),
      });
      this.editor.focus();
    } catch {
      // Monaco did not load: a plain text area still lets the reader edit and run.
      const area = el('textarea', { className: 'widget-plain', attrs: { spellcheck: 'false' } });
      area.value = this.code;
      area.rows = Math.min(30, this.code.split('\n').length + 1);
      area.addEventListener('input', () => {
        this.code = area.value;
        this.on.change(area.value);
      });
      this.element.replaceChildren(area);
    } finally {
      this.loading = false;
      this.element.removeAttribute('aria-busy');
    }
  }
}
