/**
 * The playground shell: header with the toolbar, the editor over the console on the left,
 * and the side tabs (Inspector, Policy, Examples, Reference) on the right. `?embed=1` keeps
 * editor, Run and output only.
 */
import { useState } from 'react';
import { usePlayground } from './use-playground.ts';
import type { Playground } from './use-playground.ts';
import { useRunStoreSelect } from './use-run-store.ts';
import type { RunStore } from './run-store.ts';
import { Toolbar, RUN_SHORTCUT } from './Toolbar.tsx';
import { Tabs } from './Tabs.tsx';
import { Splitter } from './Splitter.tsx';
import { SharePanel } from './SharePanel.tsx';
import { DemoHostsMenu } from './DemoHostsMenu.tsx';
import { LinkPolicyBanner } from './LinkPolicyBanner.tsx';
import { LanguageSettings } from './LanguageSettings.tsx';
import { LazyCodeEditor } from '../editor/LazyCodeEditor.tsx';
import { ConsolePane } from '../console/ConsolePane.tsx';
import { InspectorPanel } from '../inspector/InspectorPanel.tsx';
import { ExamplesPanel } from '../examples/ExamplesPanel.tsx';
import { PolicyPanel } from '../policy/PolicyPanel.tsx';
import { ApiReference } from '../editor/ApiReference.tsx';
import { CHUNK_NAME } from './default-code.ts';
import { shareUrl } from './url-state.ts';
import './theme.css';
import './app.css';

function Brand() {
  return (
    <div className="brand">
      <svg width="22" height="22" viewBox="0 0 64 64" aria-hidden="true">
        <circle cx="30" cy="34" r="26" fill="#2f5fd0" />
        <circle cx="40" cy="26" r="8" fill="#181818" />
        <circle cx="56" cy="10" r="7" fill="#2f5fd0" />
      </svg>
      <span className="brand-name">Lua WebSocket Playground</span>
    </div>
  );
}

function Notice({ text, onClose }: { text: string; onClose(): void }) {
  return (
    <div className="notice" role="alert" data-testid="notice">
      <span>{text}</span>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={onClose}
        aria-label="Dismiss"
      >
        ✕
      </button>
    </div>
  );
}

function EditorColumn({ p }: { p: Playground }) {
  const [split, setSplit] = useState(0.62);
  const warnings = useRunStoreSelect(p.store, (store) => store.warnings);
  return (
    <section className="left-column" style={{ gridTemplateRows: `${split}fr 5px ${1 - split}fr` }}>
      <div className="editor-pane">
        <LazyCodeEditor
          value={p.code}
          revision={p.codeRevision}
          onChange={p.onCodeChange}
          onRun={p.run}
          failure={p.store.failure}
          warnings={warnings}
          chunkName={CHUNK_NAME}
        />
      </div>
      <Splitter
        direction="vertical"
        onResize={setSplit}
        label="Resize editor and console"
        min={0.25}
        max={0.85}
      />
      <ConsolePane store={p.store} />
    </section>
  );
}

/** What the page around the panels shows of a run; frames alone do not change it. */
const runSummary = (store: RunStore) =>
  `${store.status} ${store.statusNote} ${store.connections.size} ${store.denied.length}`;

function Embed({ p }: { p: Playground }) {
  useRunStoreSelect(p.store, runSummary);
  return (
    <div className="app app-embed">
      <header className="topbar">
        <Toolbar
          status={p.store.status}
          statusNote={p.store.statusNote}
          onRun={p.run}
          onStop={p.stop}
        />
        <a
          className="btn btn-ghost btn-small open-full"
          href={shareUrl(
            { origin: location.origin, pathname: location.pathname, search: '', hash: '' },
            { code: p.code, ...p.language },
          )}
          target="_blank"
          rel="noreferrer"
        >
          Open in playground ↗
        </a>
      </header>
      <LinkPolicyBanner link={p.linkPolicy} save={p.policy.setPolicy} />
      <main className="workspace workspace-embed">
        <EditorColumn p={p} />
      </main>
    </div>
  );
}

export function App() {
  const p = usePlayground();
  useRunStoreSelect(p.store, runSummary);
  const [tab, setTab] = useState('inspector');
  const [split, setSplit] = useState(0.58);
  if (p.url.embed) return <Embed p={p} />;

  const { store } = p;
  const relayAvailable = Boolean(p.pageConfig.relay);
  return (
    <div className="app">
      <header className="topbar">
        <Brand />
        <Toolbar
          status={store.status}
          statusNote={store.statusNote}
          onRun={p.run}
          onStop={p.stop}
          transport={p.settings.transport}
          onTransport={(transport) => p.setSettings({ ...p.settings, transport })}
          relayAvailable={relayAvailable}
        />
        <LanguageSettings value={p.language} onChange={p.setLanguage} />
        <div className="topbar-right">
          <DemoHostsMenu
            mapping={p.pageConfig.demoHosts}
            enabled={p.settings.demoHosts}
            onToggle={(demoHosts) => p.setSettings({ ...p.settings, demoHosts })}
          />
          <SharePanel
            code={p.code}
            policyJson={p.linkPolicy.json ?? p.policy.json}
            language={p.language}
          />
          <span className="shortcut-hint" title="Keyboard shortcuts">
            <kbd>{RUN_SHORTCUT}</kbd> run · <kbd>Ctrl Space</kbd> complete
          </span>
        </div>
      </header>
      {p.notice && <Notice text={p.notice} onClose={p.dismissNotice} />}
      <LinkPolicyBanner link={p.linkPolicy} save={p.policy.setPolicy} />
      <main className="workspace" style={{ gridTemplateColumns: `${split}fr 5px ${1 - split}fr` }}>
        <EditorColumn p={p} />
        <Splitter
          direction="horizontal"
          onResize={setSplit}
          label="Resize editor and side panel"
          min={0.3}
          max={0.78}
        />
        <aside className="right-column">
          <Tabs
            active={tab}
            onSelect={setTab}
            tabs={[
              {
                id: 'inspector',
                label: 'Inspector',
                badge: store.connections.size,
                content: <InspectorPanel store={store} />,
              },
              {
                id: 'policy',
                label: 'Policy',
                badge: store.denied.length,
                badgeTone: 'alert',
                content: <PolicyPanel state={p.policy} store={store} />,
              },
              {
                id: 'examples',
                label: 'Examples',
                content: (
                  <ExamplesPanel
                    examples={p.examples}
                    error={p.examplesError}
                    current={p.exampleName}
                    onOpen={p.openExample}
                  />
                ),
              },
              { id: 'reference', label: 'Reference', content: <ApiReference /> },
            ]}
          />
        </aside>
      </main>
    </div>
  );
}
