/**
 * The windowing math of the virtual list (fixed row height): which rows to render for a
 * scroll position, and where to place them.
 */

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Extra rows rendered above and below the viewport, so fast scrolling shows no gaps. */
  overscan: number;
}

export interface WindowRange {
  /** First row index rendered (inclusive). */
  start: number;
  /** Last row index rendered (exclusive). */
  end: number;
  /** Offset of row `start` from the top of the content, in px. */
  offsetTop: number;
  /** Height of all rows, in px. */
  totalHeight: number;
}

export function computeWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  count,
  overscan,
}: WindowInput): WindowRange {
  const totalHeight = count * rowHeight;
  if (count === 0 || rowHeight <= 0)
    return { start: 0, end: 0, offsetTop: 0, totalHeight: Math.max(0, totalHeight) };
  const maxScroll = Math.max(0, totalHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const firstVisible = Math.floor(top / rowHeight);
  const visibleCount = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(count, firstVisible + visibleCount + overscan);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/** Whether the list is scrolled to (within `slack` px of) the bottom: new rows keep it there. */
export function isAtBottom(
  scrollTop: number,
  viewportHeight: number,
  contentHeight: number,
  slack = 4,
): boolean {
  return scrollTop + viewportHeight >= contentHeight - slack;
}
