/**
 * The registry file in the panel: its YAML (applied on every edit that reads; otherwise the
 * problems show at their lines and the last good file stays in force), the policy entries it
 * holds with the one that decided the tested URL marked, and the entries of other kinds it
 * ignores.
 */
import { useMemo, useState } from 'react';
import type { Policy } from './types.ts';
import { fromRegistry } from './serialize.ts';
import { readRegistry } from './registry.ts';
import type { Problem } from './registry.ts';
import { showFilter } from './policy.ts';
import { LazyYamlEditor } from './LazyYamlEditor.tsx';

export interface RegistryEditorProps {
  policy: Policy;
  /** Changes when the policy is replaced from outside (a preset, an import). */
  revision: number;
  onChange(policy: Policy): void;
  /** The entry that decided the tested URL. */
  deciding?: string;
}

export function RegistryEditor({ policy, revision, onChange, deciding }: RegistryEditorProps) {
  const [draft, setDraft] = useState({ revision, text: policy.source });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [reveal, setReveal] = useState<{ line: number; n: number }>();
  // A replaced policy resets the draft (the editor gets the new text through its revision).
  const text = draft.revision === revision ? draft.text : policy.source;
  const shownProblems = draft.revision === revision ? problems : [];
  const read = useMemo(() => readRegistry(policy.source), [policy.source]);
  const file = read.ok ? read.file : undefined;

  function show(line: number) {
    setReveal((r) => ({ line, n: (r?.n ?? 0) + 1 }));
  }

  function edit(next: string) {
    setDraft({ revision, text: next });
    const parsed = fromRegistry(next, policy, [], 'registry');
    if (!parsed.ok) {
      setProblems(parsed.problems ?? [{ line: 0, message: parsed.error }]);
      return;
    }
    setProblems([]);
    onChange(parsed.policy);
  }

  return (
    <div className="registry">
      <LazyYamlEditor
        value={text}
        revision={revision}
        onChange={edit}
        problems={shownProblems}
        reveal={reveal}
      />
      {shownProblems.length > 0 ? (
        <ul className="registry-problems" role="alert" data-testid="policy.yaml-problems">
          {shownProblems.map((p, i) => (
            <li key={i}>
              {p.line > 0 ? `line ${p.line}: ` : ''}
              {p.message}
            </li>
          ))}
          <li className="registry-kept">Not applied: the last file that read is still in force.</li>
        </ul>
      ) : (
        file?.warnings.map((w, i) => (
          <p key={i} className="glob-warning" data-testid="policy.yaml-warning">
            line {w.line}: {w.message}
          </p>
        ))
      )}
      <ul className="entry-list">
        {policy.entries.map((e) => (
          <li
            key={e.id}
            className={`entry-item ${deciding === e.id ? 'is-deciding' : ''}`}
            data-testid="policy.entry"
            title={`line ${e.line}: show in the file`}
            role="button"
            tabIndex={0}
            onClick={() => show(e.line)}
            onKeyDown={(k) => k.key === 'Enter' && show(e.line)}
          >
            <span className={`entry-effect effect-${e.effect}`}>{e.effect}</span>
            <span className="entry-id mono">{e.id}</span>
            <span className="entry-detail mono">
              {showFilter(e.actions)} on {showFilter(e.resources)}
              {e.kind === 'security.policy.expr'
                ? ' · expression'
                : e.conditions.length > 0
                  ? ` · ${e.conditions.length} condition${e.conditions.length > 1 ? 's' : ''}`
                  : ''}
            </span>
            <span className="entry-groups">{e.groups.join(', ')}</span>
          </li>
        ))}
      </ul>
      {policy.entries.length === 0 && (
        <p className="empty-note">No security.policy entries: every check is undefined (denied).</p>
      )}
      {file && file.ignored.length > 0 && (
        <p className="hint">
          Kept and ignored (not policies):{' '}
          {file.ignored.map((e) => `${e.id} (${e.kind})`).join(', ')}
        </p>
      )}
    </div>
  );
}
