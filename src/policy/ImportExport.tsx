/** Export the policy as JSON (copy or download) and import one (paste or file), validated. */
import { useRef, useState } from 'react';
import type { Policy } from './types.ts';
import { formatPolicy, parsePolicy } from './serialize.ts';

export function ImportExport({
  policy,
  onImport,
}: {
  policy: Policy;
  onImport(policy: Policy): void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  function tryImport(json: string) {
    const parsed = parsePolicy(json);
    if (!parsed.ok) {
      setError(parsed.rule !== undefined ? `rule ${parsed.rule}: ${parsed.error}` : parsed.error);
      return;
    }
    setError(null);
    setText(null);
    onImport(parsed.policy);
  }

  function download() {
    const blob = new Blob([formatPolicy(policy) + '\n'], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'policy.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(formatPolicy(policy));
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setText(formatPolicy(policy));
    }
  }

  return (
    <div className="import-export">
      <div className="ie-buttons">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void copy()}
          data-testid="policy.export-copy"
        >
          {copied ? 'Copied ✓' : 'Copy JSON'}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={download}
          data-testid="policy.export"
        >
          Download
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setText(text === null ? formatPolicy(policy) : null)}
          data-testid="policy.import-toggle"
        >
          {text === null ? 'Edit / paste JSON' : 'Cancel'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => file.current?.click()}>
          Import file…
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void f.text().then(tryImport);
            e.target.value = '';
          }}
        />
      </div>
      {text !== null && (
        <div className="ie-editor">
          <textarea
            className="input mono"
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            rows={8}
            data-testid="policy.import-text"
          />
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => tryImport(text)}
            data-testid="policy.import-apply"
          >
            Apply
          </button>
        </div>
      )}
      {error && (
        <p className="error-note" role="alert" data-testid="policy.import-error">
          {error}
        </p>
      )}
    </div>
  );
}
