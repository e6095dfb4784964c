/**
 * Putting the page config (src/shared/page-config.ts) into index.html, the same way for
 * npm start and the Vite dev server: the `<!--playground-config-->` marker becomes a JSON
 * script element. `<` is escaped so no value can close the script element early.
 */
import { PAGE_CONFIG_ELEMENT_ID, PAGE_CONFIG_MARKER } from '../shared/page-config.ts';
import type { PageConfig } from '../shared/page-config.ts';

export function pageConfigScript(config: PageConfig): string {
  const json = JSON.stringify(config)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script id="${PAGE_CONFIG_ELEMENT_ID}" type="application/json">${json}</script>`;
}

/** Replace the marker; without one, put the script at the end of <head> (or the start). */
export function injectPageConfig(html: string, config: PageConfig): string {
  const script = pageConfigScript(config);
  if (html.includes(PAGE_CONFIG_MARKER)) return html.replace(PAGE_CONFIG_MARKER, () => script);
  if (html.includes('</head>')) return html.replace('</head>', () => `${script}\n</head>`);
  return script + html;
}
