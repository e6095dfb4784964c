/**
 * A drag handle between two panes. It reports the pointer's position as a fraction of the
 * parent's width (or height), clamped, and the parent turns it into a CSS size.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';

export interface SplitterProps {
  direction: 'horizontal' | 'vertical';
  onResize(fraction: number): void;
  min?: number;
  max?: number;
  label: string;
}

export function Splitter({ direction, onResize, min = 0.2, max = 0.8, label }: SplitterProps) {
  function onPointerDown(event: ReactPointerEvent<HTMLDivElement>) {
    const handle = event.currentTarget;
    const parent = handle.parentElement;
    if (!parent) return;
    handle.setPointerCapture(event.pointerId);
    const rect = parent.getBoundingClientRect();
    const move = (e: PointerEvent) => {
      const f =
        direction === 'horizontal'
          ? (e.clientX - rect.left) / rect.width
          : (e.clientY - rect.top) / rect.height;
      onResize(Math.min(max, Math.max(min, f)));
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      document.body.classList.remove('is-resizing');
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    document.body.classList.add('is-resizing');
  }
  return (
    <div
      className={`splitter splitter-${direction}`}
      role="separator"
      aria-orientation={direction === 'horizontal' ? 'vertical' : 'horizontal'}
      aria-label={label}
      onPointerDown={onPointerDown}
    />
  );
}
