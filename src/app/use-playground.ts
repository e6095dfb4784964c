/**
 * The page's state: the code (from a permalink, an example, the saved draft or the default),
 * settings, the policy, and the actions on them. URL state is read once at load; opening an
 * example or sharing writes it back with history.replaceState.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { readUrlState, exampleUrl } from './url-state.ts';
import { loadDraft, loadSettings, saveDraft, saveSettings } from './settings.ts';
import type { Settings } from './settings.ts';
import { DEFAULT_CODE } from './default-code.ts';
import { useRunner } from './use-runner.ts';
import { useExamples } from './use-examples.ts';
import { usePolicyState } from '../policy/use-policy.ts';

export function usePlayground() {
  const url = useMemo(() => readUrlState(window.location), []);
  const [code, setCode] = useState(() => url.permalink?.code ?? loadDraft() ?? DEFAULT_CODE);
  /** Increases when the code is replaced from outside the editor (an example). */
  const [codeRevision, setCodeRevision] = useState(0);
  const [exampleName, setExampleName] = useState<string | null>(url.example);
  const [settings, setSettingsState] = useState<Settings>(loadSettings);
  const [notice, setNotice] = useState<string | null>(url.permalinkError);
  const policy = usePolicyState(url.permalink?.policyJson);
  const { store, run: runWith, stop, pageConfig } = useRunner();
  const { examples, error: examplesError, fetchExample } = useExamples();
  const latest = useRef({ code, policy: policy.policy, settings });
  latest.current = { code, policy: policy.policy, settings };

  useEffect(() => {
    if (policy.linkError) setNotice(policy.linkError);
  }, [policy.linkError]);

  const openExample = useCallback(
    async (name: string) => {
      try {
        const text = await fetchExample(name);
        setCode(text);
        setCodeRevision((r) => r + 1);
        setExampleName(name);
        history.replaceState(null, '', exampleUrl(window.location, name));
      } catch (e) {
        setNotice(String((e as Error).message ?? e));
      }
    },
    [fetchExample],
  );

  useEffect(() => {
    if (url.example) void openExample(url.example);
  }, [url.example, openExample]);

  const onCodeChange = useCallback((text: string) => {
    setCode(text);
    saveDraft(text);
  }, []);

  const setSettings = useCallback((next: Settings) => {
    setSettingsState(next);
    saveSettings(next);
  }, []);

  const run = useCallback(() => {
    const { code: c, policy: p, settings: s } = latest.current;
    runWith({ code: c, policy: p, transport: s.transport, demoHosts: s.demoHosts });
  }, [runWith]);

  return {
    url,
    code,
    codeRevision,
    onCodeChange,
    exampleName,
    openExample,
    examples,
    examplesError,
    settings,
    setSettings,
    policy,
    store,
    run,
    stop,
    pageConfig,
    notice,
    dismissNotice: () => setNotice(null),
  };
}

export type Playground = ReturnType<typeof usePlayground>;
