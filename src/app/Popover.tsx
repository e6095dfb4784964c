/** A button that opens a small panel below it; closes on Escape or a click outside. */
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

export interface PopoverProps {
  label: ReactNode;
  title: string;
  testId: string;
  align?: 'left' | 'right';
  /** The panel; a function receives `close` for items that finish the popover's job. */
  children: ReactNode | ((close: () => void) => ReactNode);
  buttonClass?: string;
}

export function Popover({
  label,
  title,
  testId,
  align = 'right',
  children,
  buttonClass = 'btn btn-ghost',
}: PopoverProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="popover-root" ref={root}>
      <button
        type="button"
        className={buttonClass}
        title={title}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid={testId}
      >
        {label}
      </button>
      {open && (
        <div className={`popover popover-${align}`} role="dialog" aria-label={title}>
          {typeof children === 'function' ? children(() => setOpen(false)) : children}
        </div>
      )}
    </div>
  );
}
