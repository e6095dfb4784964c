/**
 * Import and export. Exports: the registry file (`_index.yaml`, the platform's format) and the
 * playground policy (version 2 JSON: the file plus actor, scope and strict mode). Imports, by
 * paste, file or drop: a registry file (keeps the current actor, scope and strict mode), a
 * version 2 policy, or a version 1 policy (converted, with its notices).
 */
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import type { Policy } from './types.ts';
import { formatPolicy, parsePolicy } from './serialize.ts';

export interface ImportExportProps {
  policy: Policy;
  onImport(policy: Policy, notices: string[]): void;
}

function download(name: string, text: string, type: string) {
  const blob = new Blob([text.endsWith('\n') ? text : `${text}\n`], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function ImportExport({ policy, onImport }: ImportExportProps) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [copied, setCopied] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  function tryImport(input: string) {
    const parsed = parsePolicy(input, policy);
    if (!parsed.ok) {
      const lines = parsed.problems?.map((p) =>
        p.line > 0 ? `line ${p.line}: ${p.message}` : p.message,
      );
      setError(lines && lines.length > 0 ? lines.join('\n') : parsed.error);
      return;
    }
    setError(null);
    setText(null);
    onImport(parsed.policy, parsed.notices);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(policy.source);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard (permissions, insecure context): show the text to copy by hand.
      setText(policy.source);
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) void f.text().then(tryImport);
  }

  return (
    <div
      className={`import-export ${dragging ? 'is-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="policy.import-drop"
    >
      <div className="ie-buttons">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void copy()}
          data-testid="policy.export-copy"
        >
          {copied ? 'Copied ✓' : 'Copy YAML'}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => download('_index.yaml', policy.source, 'application/yaml')}
          data-testid="policy.export"
        >
          Download _index.yaml
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => download('policy.json', formatPolicy(policy), 'application/json')}
          data-testid="policy.export-state"
        >
          Download policy with context
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setText(text === null ? '' : null)}
          data-testid="policy.import-toggle"
        >
          {text === null ? 'Paste a file' : 'Cancel'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => file.current?.click()}>
          Import file…
        </button>
        <input
          ref={file}
          type="file"
          accept=".yaml,.yml,.json,application/json,application/yaml"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void f.text().then(tryImport);
            e.target.value = '';
          }}
        />
      </div>
      <p className="hint">
        A registry file (_index.yaml) replaces the entries and keeps the actor and scope; a saved
        policy (JSON, either version) replaces both. Files can be dropped here.
      </p>
      {text !== null && (
        <div className="ie-editor">
          <textarea
            className="input mono"
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            rows={10}
            placeholder={'version: "1.0"\nnamespace: app.security\nentries:\n  - name: ...'}
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
        <p className="error-note pre-line" role="alert" data-testid="policy.import-error">
          {error}
        </p>
      )}
    </div>
  );
}
