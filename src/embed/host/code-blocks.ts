/**
 * Opt-in (`<script src=".../embed.js" data-upgrade-code-blocks>`): every
 * `<pre><code class="language-lua">` of the page becomes a widget, so the page's Markdown
 * still reads as Markdown. A block just before it in `language-lua-setup` (```lua-setup in
 * Markdown) or marked `data-lua-setup` is its hidden prelude and is hidden from view.
 * `data-policy`, `data-transport` and `data-title` on the <pre> become the widget's.
 */
import { dedent } from './element.ts';

function setupBefore(pre: Element): HTMLElement | null {
  const previous = pre.previousElementSibling;
  if (!(previous instanceof HTMLElement) || previous.tagName !== 'PRE') return null;
  const marked =
    previous.hasAttribute('data-lua-setup') ||
    previous.querySelector(':scope > code.language-lua-setup, :scope > code[data-lua-setup]') !==
      null;
  return marked ? previous : null;
}

export function upgradeCodeBlocks(root: ParentNode = document): HTMLElement[] {
  const made: HTMLElement[] = [];
  for (const code of root.querySelectorAll('pre > code.language-lua')) {
    const pre = code.parentElement!;
    if (pre.closest('lua-playground')) continue;
    const widget = document.createElement('lua-playground');
    const setup = setupBefore(pre);
    if (setup) {
      widget.setAttribute('prelude', dedent(setup.textContent ?? ''));
      setup.hidden = true;
    }
    widget.setAttribute('code', dedent(code.textContent ?? ''));
    for (const name of ['policy', 'transport', 'title', 'theme']) {
      const value = pre.getAttribute(`data-${name}`);
      if (value !== null) widget.setAttribute(name, value);
    }
    pre.replaceWith(widget);
    made.push(widget);
  }
  return made;
}
