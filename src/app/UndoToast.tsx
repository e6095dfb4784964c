/** A short-lived message with one action (Undo), announced politely; it leaves after 10 s. */
import { useEffect } from 'react';

export const TOAST_MS = 10_000;

export function UndoToast({
  text,
  onUndo,
  onClose,
}: {
  text: string;
  onUndo(): void;
  onClose(): void;
}) {
  useEffect(() => {
    const timer = setTimeout(onClose, TOAST_MS);
    return () => clearTimeout(timer);
  }, [onClose]);
  return (
    <div className="toast" role="status" data-testid="toast">
      <span>{text}</span>
      <button type="button" className="btn btn-small" onClick={onUndo} data-testid="toast.undo">
        Undo
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        aria-label="Dismiss"
        onClick={onClose}
      >
        ✕
      </button>
    </div>
  );
}
