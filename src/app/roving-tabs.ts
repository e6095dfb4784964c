/**
 * The WAI-ARIA tabs keyboard pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one
 * tab in the page's Tab order (roving tabindex), Left/Right move between tabs and select
 * (automatic activation), Home/End go to the ends. Shared by the side tabs and the scripts.
 */
import type { KeyboardEvent } from 'react';

/** The id the arrow key leads to from `current`, or null when the key is not a tab key. */
export function nextTabId(ids: readonly string[], current: string, key: string): string | null {
  const index = ids.indexOf(current);
  if (index < 0 || ids.length === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return ids[(index + 1) % ids.length];
    case 'ArrowLeft':
      return ids[(index - 1 + ids.length) % ids.length];
    case 'Home':
      return ids[0];
    case 'End':
      return ids[ids.length - 1];
    default:
      return null;
  }
}

/** A keydown handler for a tablist whose tab elements carry `data-tab-id`. */
export function tabListKeyDown(
  ids: readonly string[],
  active: string,
  select: (id: string) => void,
) {
  return (e: KeyboardEvent<HTMLElement>) => {
    const next = nextTabId(ids, active, e.key);
    if (next === null) return;
    e.preventDefault();
    select(next);
    const list = e.currentTarget;
    // Focus after React has rendered the new roving tabindex.
    requestAnimationFrame(() =>
      list.querySelector<HTMLElement>(`[data-tab-id="${CSS.escape(next)}"]`)?.focus(),
    );
  };
}
