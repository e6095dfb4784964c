/**
 * The registry editor, loaded after the page (Monaco is large); a plain text area stands in
 * while it loads and should it fail to load, so the file can always be edited.
 */
import { lazy, Suspense } from 'react';
import type { YamlEditorProps } from './YamlEditor.tsx';

function PlainYamlEditor({ value, onChange }: YamlEditorProps) {
  return (
    <textarea
      className="input mono yaml-plain"
      value={value}
      spellCheck={false}
      rows={14}
      aria-label="Registry file (YAML)"
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

const YamlEditor = lazy(() =>
  import('./YamlEditor.tsx').then(
    (m) => ({ default: m.YamlEditor }),
    () => ({ default: PlainYamlEditor }),
  ),
);

export function LazyYamlEditor(props: YamlEditorProps) {
  return (
    <Suspense fallback={<pre className="yaml-editor yaml-loading">{props.value}</pre>}>
      <YamlEditor {...props} />
    </Suspense>
  );
}
