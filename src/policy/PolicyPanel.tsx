/**
 * The policy panel: presets, the registry file (YAML) and its entries, the security context
 * (actor, scope, strict mode), a URL tester that names the deciding entry, denied attempts as
 * they happen, and import/export of the platform's registry file. Every edit is saved
 * (use-policy.ts); the pure model is policy.ts / registry.ts / serialize.ts.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Policy } from './types.ts';
import type { PolicyState } from './use-policy.ts';
import type { RunStore } from '../app/run-store.ts';
import { useRunStoreSelect } from '../app/use-run-store.ts';
import { PRESETS, clonePolicy, matchPreset } from './presets.ts';
import { RegistryEditor } from './RegistryEditor.tsx';
import { ContextEditor } from './ContextEditor.tsx';
import { UrlTester, useUrlTest } from './UrlTester.tsx';
import { DeniedList } from './DeniedList.tsx';
import { ImportExport } from './ImportExport.tsx';
import './policy.css';

function Section({
  title,
  aside,
  children,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="policy-section">
      <header className="policy-section-header">
        <h3>{title}</h3>
        {aside}
      </header>
      {children}
    </section>
  );
}

const SOURCE_NOTE = {
  saved: 'Saved in this browser.',
  default: 'The default policy (edit it to save your own).',
  link: 'From the link you opened; edits are saved as your own.',
};

export function PolicyPanel({ state, store }: { state: PolicyState; store: RunStore }) {
  // Of the run, the panel shows the denied attempts only.
  useRunStoreSelect(store, (s) => `${s.denied.length} ${s.denied.at(-1)?.seq ?? -1}`);
  const { policy, setPolicy } = state;
  /** Increases when the whole policy is replaced (a preset, an import): editors reset. */
  const [revision, setRevision] = useState(0);
  const replace = (next: Policy, notices: string[] = []) => {
    setPolicy(next, notices);
    setRevision((r) => r + 1);
  };
  const test = useUrlTest(policy);
  const current = matchPreset(policy);

  return (
    <div className="policy" data-testid="policy.panel">
      <Section
        title="Presets"
        aside={<span className="pane-meta">{SOURCE_NOTE[state.source]}</span>}
      >
        <div className="presets">
          {PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              className={`preset ${current === p.id ? 'is-current' : ''}`}
              title={p.description}
              onClick={() => replace(clonePolicy(p.policy))}
              data-testid={`policy.preset.${p.id}`}
            >
              {p.label}
            </button>
          ))}
        </div>
        {state.problem && <p className="error-note">{state.problem}</p>}
        {state.notices.length > 0 && (
          <div className="notices" role="status" data-testid="policy.notices">
            <ul>
              {state.notices.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={state.dismissNotices}
            >
              Dismiss
            </button>
          </div>
        )}
      </Section>
      <Section title="Registry file">
        <RegistryEditor
          policy={policy}
          revision={revision}
          onChange={(next) => setPolicy(next)}
          deciding={test.decision?.entry}
        />
      </Section>
      <Section title="Security context">
        <ContextEditor policy={policy} revision={revision} onChange={(next) => setPolicy(next)} />
      </Section>
      <Section title="Test a URL">
        <UrlTester {...test} />
      </Section>
      <Section
        title="Denied attempts"
        aside={
          store.denied.length > 0 && (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => store.clearDenied()}
            >
              Clear
            </button>
          )
        }
      >
        <DeniedList store={store} />
      </Section>
      <Section title="Import / export">
        <ImportExport policy={policy} onImport={replace} />
      </Section>
      <p className="hint">
        The platform&apos;s model: every entry in the scope is evaluated; any deny wins, then any
        allow; otherwise the result is undefined, which denies. Patterns are &quot;*&quot;, exact,
        or a trailing-&quot;*&quot; prefix; use a <code>matches</code> condition for anything else.
      </p>
    </div>
  );
}
