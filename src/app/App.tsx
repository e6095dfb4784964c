/**
 * The playground shell: header with the toolbar, the scripts and editor over the console on
 * the left, and the side tabs (Inspector, Policy, Examples, Reference) on the right. Below
 * 760 px one column with a Code | Console | Inspector | Policy switcher. `?embed=1` keeps
 * editor, Run and output only.
 */
import { useCallback, useState } from 'react';
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
import { EditorColumn } from './EditorColumn.tsx';
import { PaneSwitcher, type NarrowPane } from './PaneSwitcher.tsx';
import { SettingsMenu } from './SettingsMenu.tsx';
import { ShortcutsSheet } from './ShortcutsSheet.tsx';
import { TransportSelect } from './TransportSelect.tsx';
import { MOD_KEY } from './ScriptBar.tsx';
import { useTheme } from './use-theme.ts';
import { useMediaQuery } from './use-media-query.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { InspectorPanel } from '../inspector/InspectorPanel.tsx';
import { ProcessPanel } from '../inspector/ProcessPanel.tsx';
import { ExamplesPanel } from '../examples/ExamplesPanel.tsx';
import { PolicyPanel } from '../policy/PolicyPanel.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { ApiReference } from '../editor/ApiReference.tsx';
import { shareUrl } from './url-state.ts';
import './theme.css';
import './theme-light.css';
import './panel-colours.css';
import './app.css';
import './shell.css';
import './phone-layout.css';

/** Below this width the shell is one column (phone-layout.css has the same number). */
export const NARROW_QUERY = '(max-width: 760px)';

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

/** What the page around the panels shows of a run; frames alone do not change it. */
const runSummary = (store: RunStore) =>
  `${store.status} ${store.statusNote} ${store.connections.size} ${store.denied.length} ${store.processes.live}`;

function Embed({ p }: { p: Playground }) {
  useRunStoreSelect(p.store, runSummary);
  // The embed follows the system (or the host page through the embed kit); it never saves.
  const { resolved } = useTheme(false);
  useShortcuts({ run: p.run, stop: p.stop, showShortcuts: () => {} });
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
        <EditorColumn p={p} theme={resolved} withScripts={false} onNotice={() => {}} />
      </main>
    </div>
  );
}

function Shell({ p }: { p: Playground }) {
  const theme = useTheme();
  const narrow = useMediaQuery(NARROW_QUERY);
  const [tab, setTab] = useState('inspector');
  const [pane, setPane] = useState<NarrowPane>('code');
  const [split, setSplit] = useState(0.58);
  const [shortcuts, setShortcuts] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { store, scripts } = p;

  const run = useCallback(() => {
    p.run();
    // On a phone the output is what one wants to see after Run.
    if (narrow) setPane((current) => (current === 'code' ? 'console' : current));
  }, [p, narrow]);
  useShortcuts({ run, stop: p.stop, showShortcuts: () => setShortcuts(true) });

  const choosePane = (next: NarrowPane) => {
    setPane(next);
    if (next === 'inspector' || next === 'processes' || next === 'policy') setTab(next);
  };
  const shownNotice = notice ?? p.notice ?? scripts.problem;
  const dismissNotice = () => {
    if (notice) setNotice(null);
    else if (p.notice) p.dismissNotice();
    else scripts.dismissProblem();
  };
  const transport = (
    <TransportSelect
      transport={p.settings.transport}
      onTransport={(next) => p.setSettings({ ...p.settings, transport: next })}
      relayAvailable={Boolean(p.pageConfig.relay)}
    />
  );
  const language = <LanguageSettings value={p.language} onChange={p.setLanguage} />;
  const sidePane =
    pane === 'inspector' || pane === 'processes' || pane === 'policy' ? 'side' : pane;

  return (
    <div className="app">
      <header className="topbar">
        <Brand />
        <Toolbar
          status={store.status}
          statusNote={store.statusNote}
          onRun={run}
          onStop={p.stop}
          transportSelect={narrow ? undefined : transport}
        />
        {!narrow && language}
        <div className="topbar-right">
          <DemoHostsMenu
            mapping={p.pageConfig.demoHosts}
            enabled={p.settings.demoHosts}
            onToggle={(demoHosts) => p.setSettings({ ...p.settings, demoHosts })}
          />
          {/* A link carries one script; a project travels as a .zip (⋯ menu). */}
          {!scripts.active.project && (
            <SharePanel
              code={p.code}
              policyJson={p.linkPolicy.json ?? p.policy.json}
              language={p.language}
            />
          )}
          <SettingsMenu theme={theme.choice} onTheme={theme.setChoice}>
            {narrow && transport}
            {narrow && language}
          </SettingsMenu>
          <button
            type="button"
            className="btn btn-ghost icon-only"
            title="Keyboard shortcuts (?)"
            aria-label="Keyboard shortcuts"
            data-testid="toolbar.shortcuts"
            onClick={() => setShortcuts(true)}
          >
            ?
          </button>
          <span className="shortcut-hint">
            <kbd>{RUN_SHORTCUT}</kbd> run · <kbd>{MOD_KEY} .</kbd> stop · <kbd>?</kbd> keys
          </span>
        </div>
      </header>
      {narrow && <PaneSwitcher pane={pane} onPane={choosePane} />}
      {shownNotice && <Notice text={shownNotice} onClose={dismissNotice} />}
      <LinkPolicyBanner link={p.linkPolicy} save={p.policy.setPolicy} />
      <main
        className="workspace"
        data-pane={narrow ? sidePane : undefined}
        style={{ gridTemplateColumns: `${split}fr 5px ${1 - split}fr` }}
      >
        <EditorColumn p={p} theme={theme.resolved} withScripts onNotice={setNotice} />
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
                content: (
                  <PanelBoundary name="Inspector">
                    <InspectorPanel store={store} />
                  </PanelBoundary>
                ),
              },
              {
                id: 'processes',
                label: 'Processes',
                badge: store.processes.live,
                content: (
                  <PanelBoundary name="Processes">
                    <ProcessPanel store={store} />
                  </PanelBoundary>
                ),
              },
              {
                id: 'policy',
                label: 'Policy',
                badge: store.denied.length,
                badgeTone: 'alert',
                content: (
                  <PanelBoundary name="Policy">
                    <PolicyPanel state={p.policy} store={store} />
                  </PanelBoundary>
                ),
              },
              {
                id: 'examples',
                label: 'Examples',
                content: (
                  <ExamplesPanel
                    examples={p.examples}
                    error={p.examplesError}
                    current={p.exampleName}
                    onOpen={(name) => {
                      void p.openExample(name);
                      if (narrow) setPane('code');
                    }}
                  />
                ),
              },
              { id: 'reference', label: 'Reference', content: <ApiReference /> },
            ]}
          />
        </aside>
      </main>
      {shortcuts && <ShortcutsSheet onClose={() => setShortcuts(false)} />}
    </div>
  );
}

export function App() {
  const p = usePlayground();
  useRunStoreSelect(p.store, runSummary);
  return p.url.embed ? <Embed p={p} /> : <Shell p={p} />;
}
