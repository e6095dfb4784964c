/**
 * Light or dark, as the host page shows itself: an explicit `data-theme` / `data-color-scheme`
 * or a `dark` / `light` class on <html> or <body>, else the page's `color-scheme`, else the
 * brightness of its background, else the reader's system preference. Watched, so a page's
 * theme switch reaches every widget.
 */
import type { EmbedTheme } from '../../shared/embed-protocol.ts';

function fromElement(node: HTMLElement | null): EmbedTheme | null {
  if (!node) return null;
  for (const attr of ['data-theme', 'data-color-scheme', 'data-bs-theme']) {
    const value = node.getAttribute(attr)?.toLowerCase();
    if (value === 'dark' || value === 'light') return value;
  }
  if (node.classList.contains('dark')) return 'dark';
  if (node.classList.contains('light')) return 'light';
  return null;
}

/** Relative luminance of a computed `rgb(…)`/`rgba(…)` colour, or null when transparent. */
export function luminance(color: string): number | null {
  const m = color.match(/rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?/);
  if (!m) return null;
  if (m[4] !== undefined && Number(m[4]) === 0) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function hostTheme(doc: Document = document): EmbedTheme {
  const explicit = fromElement(doc.documentElement) ?? fromElement(doc.body);
  if (explicit) return explicit;
  const view = doc.defaultView;
  if (view) {
    const scheme = view.getComputedStyle(doc.documentElement).colorScheme.trim();
    if (scheme === 'dark' || scheme === 'light') return scheme;
    for (const node of [doc.body, doc.documentElement]) {
      const lum = node ? luminance(view.getComputedStyle(node).backgroundColor) : null;
      if (lum !== null) return lum < 0.4 ? 'dark' : 'light';
    }
    if (view.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  }
  return 'light';
}

/** Call `onChange` whenever the host page's theme changes; returns the unsubscribe. */
export function watchTheme(onChange: (theme: EmbedTheme) => void): () => void {
  let current = hostTheme();
  const check = () => {
    const next = hostTheme();
    if (next !== current) onChange((current = next));
  };
  const observer = new MutationObserver(check);
  const options = {
    attributes: true,
    attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme', 'data-bs-theme'],
  };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener('change', check);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', check);
  };
}
