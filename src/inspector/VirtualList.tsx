/**
 * A virtual list with a fixed row height: only the rows in view (plus `overscan`) are in the
 * DOM, whatever `count` is, so 100,000 frames scroll like 30. When `follow` is on and the
 * list is scrolled to the bottom, new rows keep it there (a live log).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { computeWindow, isAtBottom } from './virtual-window.ts';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /**
   * The row at `index`, with `key` as its React key: a slot number, not the index, so that a
   * scrolling (or following) list updates the rows it has instead of making new ones.
   */
  renderRow(index: number, key: number): ReactNode;
  overscan?: number;
  follow?: boolean;
  className?: string;
  /** Changes whenever the rows' content may have changed without `count` changing. */
  version?: number;
  testId?: string;
  /**
   * A list the keyboard moves through (a listbox): it takes focus, `onKeyDown` moves the
   * active row, which is scrolled into view whenever `activeIndex` changes.
   */
  keyboard?: {
    label: string;
    activeIndex: number | null;
    activeId?: string;
    onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  };
}

export function VirtualList({
  count,
  rowHeight,
  renderRow,
  overscan = 8,
  follow = false,
  className,
  version,
  testId,
  keyboard,
}: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const [atBottom, setAtBottom] = useState(true);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    setViewport(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  // A list following its tail is rendered where it is about to be scrolled to, so the rows are
  // right the first time: one render and one layout per update. Rows above the view would be
  // replaced before anyone sees them, so only those in view are rendered.
  const following = follow && atBottom;
  const bottom = Math.max(0, count * rowHeight - viewport);
  const win = computeWindow({
    scrollTop: following ? bottom : scrollTop,
    viewportHeight: viewport,
    rowHeight,
    count,
    overscan: following ? 1 : overscan,
  });

  useLayoutEffect(() => {
    // Written, never read: reading the scroll position here would force a layout.
    if (following && scroller.current) scroller.current.scrollTop = bottom;
  }, [following, bottom, version]);

  const activeIndex = keyboard?.activeIndex ?? null;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || activeIndex === null) return;
    const top = activeIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + rowHeight - el.clientHeight;
    // Only when the active row changes: the user may scroll away from it meanwhile.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeIndex]);

  const rows: ReactNode[] = [];
  const slots = Math.max(1, win.end - win.start);
  for (let i = win.start; i < win.end; i++) rows.push(renderRow(i, i % slots));

  return (
    <div
      className={`vlist ${className ?? ''}`}
      ref={scroller}
      data-testid={testId}
      {...(keyboard && {
        role: 'listbox',
        tabIndex: 0,
        'aria-label': keyboard.label,
        'aria-activedescendant': keyboard.activeId,
        onKeyDown: keyboard.onKeyDown,
      })}
      onScroll={(e) => {
        const el = e.currentTarget;
        const atEnd = isAtBottom(el.scrollTop, el.clientHeight, el.scrollHeight, rowHeight);
        setAtBottom(atEnd);
        // While following, the position is derived from the count (above).
        if (!(follow && atEnd)) setScrollTop(el.scrollTop);
      }}
    >
      <div className="vlist-content" style={{ height: win.totalHeight }}>
        <div className="vlist-window" style={{ transform: `translateY(${win.offsetTop}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
