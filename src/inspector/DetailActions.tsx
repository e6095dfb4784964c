/**
 * The detail pane's Raw, Copy and Close, for a frame and a message alike: Raw shows a JSON
 * payload as it came instead of pretty-printed, Copy takes what is shown.
 */
import { useState } from 'react';

export function DetailActions({
  what,
  hasJson,
  raw,
  setRaw,
  rawTitles,
  shownText,
  onClose,
}: {
  what: 'frame' | 'message';
  hasJson: boolean;
  raw: boolean;
  setRaw(raw: boolean): void;
  /** The Raw button's title while pretty, and while raw. */
  rawTitles: [string, string];
  shownText(): string;
  onClose(): void;
}) {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shownText());
      setCopied('Copied');
    } catch {
      setCopied('Copy is not allowed here; select the text instead');
    }
  };
  return (
    <span className="frame-detail-actions">
      {hasJson && (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-pressed={raw}
          onClick={() => setRaw(!raw)}
          data-testid={`inspector.${what}-raw`}
          title={raw ? rawTitles[0] : rawTitles[1]}
        >
          Raw
        </button>
      )}
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={() => void copy()}
        data-testid={`inspector.${what}-copy`}
      >
        Copy
      </button>
      <span role="status" className="frame-detail-copied">
        {copied}
      </span>
      <button
        type="button"
        className="icon-btn"
        onClick={onClose}
        aria-label={`Close ${what} detail`}
      >
        ✕
      </button>
    </span>
  );
}
