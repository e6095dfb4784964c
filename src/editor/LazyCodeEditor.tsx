/**
 * The editor, loaded after the page: Monaco is most of the page's JavaScript, and Run does not
 * need it (the code lives in the app's state), so the page is usable while Monaco arrives.
 * Until then the code shows as plain text; should Monaco fail to load, a plain text area
 * takes its place so the person can still edit and run.
 */
import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './CodeEditor.tsx';

function PlainTextEditor({ value, onChange }: CodeEditorProps) {
  return (
    <div className="code-editor plain-editor">
      <p className="plain-editor-note">The code editor failed to load; editing as plain text.</p>
      <textarea
        value={value}
        spellCheck={false}
        aria-label="Lua code"
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

const CodeEditor = lazy(() =>
  import('./CodeEditor.tsx').then(
    (m) => ({ default: m.CodeEditor }),
    () => ({ default: PlainTextEditor }),
  ),
);

export function LazyCodeEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <pre className="code-editor editor-loading" aria-busy="true">
          {props.value}
        </pre>
      }
    >
      <CodeEditor {...props} />
    </Suspense>
  );
}
