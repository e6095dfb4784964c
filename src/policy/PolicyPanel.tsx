/**
 * The policy panel: presets, the rules and default, a URL tester that names the deciding
 * rule, denied attempts as they happen, and JSON import/export. Every edit is saved
 * (use-policy.ts); the pure model is policy.ts / presets.ts / serialize.ts.
 */
import type { ReactNode } from 'react';
import type { PolicyState } from './use-policy.ts';
import type { RunStore } from '../app/run-store.ts';
import { useRunStoreSelect } from '../app/use-run-store.ts';
import { PRESETS, clonePolicy, matchPreset } from './presets.ts';
import { RuleList } from './RuleList.tsx';
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
  const test = useUrlTest(policy);
  const current = matchPreset(policy);
  const deciding = test.decision?.ruleIndex ?? null;

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
              onClick={() => setPolicy(clonePolicy(p.policy))}
              data-testid={`policy.preset.${p.id}`}
            >
              {p.label}
            </button>
          ))}
        </div>
        {state.problem && <p className="error-note">{state.problem}</p>}
      </Section>
      <Section title="Rules">
        <RuleList policy={policy} onChange={setPolicy} highlight={deciding} />
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
        <ImportExport policy={policy} onImport={setPolicy} />
      </Section>
    </div>
  );
}
