/**
 * `<lua-playground>`: a widget declared in the page's HTML.
 *
 *   <lua-playground title="Echo" transport="relay" policy='{"version":1,…}'>
 *     <script type="text/lua" data-prelude>token = "demo"</script>
 *     <script type="text/lua">print("token is " .. token)</script>
 *   </lua-playground>
 *
 * The code comes from the `code` attribute, else a child `<script type="text/lua">` (the HTML
 * parser leaves `<` in it alone), else a child `<pre>`/`<code>`, else the element's text.
 * The prelude comes from the `prelude` attribute or a child script marked `data-prelude`.
 * Other attributes: `policy`, `transport` (auto|relay|direct), `theme` (auto|light|dark),
 * `demo-hosts="off"`, `title`, `origin`, `dialect` (wippy|lua53, default wippy) and `types`
 * (off|warn|strict, default warn; language-options.ts). The handle is the element's `playground` property.
 */
import { mount } from './mount.ts';
import type { MountOptions, PlaygroundHandle } from './mount.ts';
import type { TransportMode } from '../../shared/worker-protocol.ts';
import { languageFromAttributes } from './language-options.ts';

/** Dedent a block of code taken from HTML (the page's own indentation is not the code's). */
export function dedent(text: string): string {
  const lines = text
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '')
    .split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.match(/^[ \t]*/)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

const TRANSPORTS = new Set(['auto', 'relay', 'direct']);

export function optionsFromElement(node: HTMLElement, origin: string): MountOptions {
  const scripts = [...node.querySelectorAll(':scope > script[type="text/lua"]')];
  const preludeScript = scripts.find((s) => s.hasAttribute('data-prelude'));
  const codeScript = scripts.find((s) => !s.hasAttribute('data-prelude'));
  const codeBlock = node.querySelector(':scope > pre, :scope > code');
  const code =
    node.getAttribute('code') ??
    (codeScript ? dedent(codeScript.textContent ?? '') : null) ??
    (codeBlock ? dedent(codeBlock.textContent ?? '') : dedent(node.textContent ?? ''));
  const prelude = node.getAttribute('prelude') ?? dedent(preludeScript?.textContent ?? '');
  const transport = node.getAttribute('transport') ?? 'auto';
  const theme = node.getAttribute('theme');
  return {
    code,
    prelude,
    policy: node.getAttribute('policy') ?? '',
    transport: (TRANSPORTS.has(transport) ? transport : 'auto') as TransportMode,
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    demoHosts: node.getAttribute('demo-hosts') !== 'off',
    title: node.getAttribute('title') ?? '',
    origin: node.getAttribute('origin') ?? origin,
    ...languageFromAttributes(
      (name) => node.getAttribute(name),
      (message) => console.warn(message),
    ),
  };
}

export function defineElement(origin: string): void {
  if (customElements.get('lua-playground')) return;
  customElements.define(
    'lua-playground',
    class LuaPlaygroundElement extends HTMLElement {
      playground: PlaygroundHandle | null = null;

      connectedCallback(): void {
        if (this.playground) return;
        // With /embed.js in <head>, the element connects before its children are parsed.
        if (document.readyState === 'loading')
          document.addEventListener('DOMContentLoaded', () => this.connectedCallback(), {
            once: true,
          });
        else this.start();
      }

      private start(): void {
        if (this.playground || !this.isConnected) return;
        const options = optionsFromElement(this, origin);
        this.replaceChildren();
        this.style.display = 'block';
        this.playground = mount(this, options);
        this.dispatchEvent(new CustomEvent('lua-playground-mounted', { bubbles: true }));
      }
    },
  );
}
