/**
 * Opt-in (`<script src=".../embed.js" data-upgrade-code-blocks>`): every
 * `<pre><code class="language-lua">` of the page becomes a widget, so the page's Markdown
 * still reads as Markdown. A block just before it in `language-lua-setup` (```lua-setup in
 * Markdown) or marked `data-lua-setup` is its hidden prelude and is hidden from view.
 * `data-policy`, `data-transport`, `data-title`, `data-theme`, `data-dialect` and
 * `data-types` on the <pre> become the widget's (a Markdown renderer that puts attributes on
 * the <code> instead is read too, for `data-dialect` and `data-types`).
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
    for (const name of ['policy', 'transport', 'title', 'theme', 'dialect', 'types']) {
      const value =
        pre.getAttribute(`data-${name}`) ??
        (name === 'dialect' || name === 'types' ? code.getAttribute(`data-${name}`) : null);
      if (value !== null) widget.setAttribute(name, value);
    }
    pre.replaceWith(widget);
    made.push(widget);
  }
  return made;
}
