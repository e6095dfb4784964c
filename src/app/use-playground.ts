/**
 * The page's state: the code (from a permalink, an example, the saved draft or the default),
 * settings, the language (dialect and type check: language.ts), the policy, and the actions
 * on them. URL state is read once at load; opening an example or sharing writes it back with
 * history.replaceState.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { readUrlState, exampleUrl } from './url-state.ts';
import { loadDraft, loadSettings, saveDraft, saveSettings } from './settings.ts';
import type { Settings } from './settings.ts';
import { initialLanguage } from './language.ts';
import type { Language } from './language.ts';
import { DEFAULT_CODE } from './default-code.ts';
import { useRunner } from './use-runner.ts';
import { useExamples } from './use-examples.ts';
import { usePolicyState } from '../policy/use-policy.ts';
import { useLinkPolicy } from './use-link-policy.ts';

export function usePlayground() {
  const url = useMemo(() => readUrlState(window.location), []);
  // With ?example= the editor starts empty rather than flashing the draft before the example.
  const [code, setCode] = useState(
    () => url.permalink?.code ?? (url.example ? '' : (loadDraft() ?? DEFAULT_CODE)),
  );
  /** Increases when the code is replaced from outside the editor (an example). */
  const [codeRevision, setCodeRevision] = useState(0);
  const [exampleName, setExampleName] = useState<string | null>(url.example);
  const [settings, setSettingsState] = useState<Settings>(loadSettings);
  // From the link while the page shows one (not saved); a change in the picker is saved.
  const [language, setLanguageState] = useState<Language>(() =>
    initialLanguage(settings, url.permalink),
  );
  // The saved policy; a link's &policy= applies beside it, never in its place (audit M3).
  const policy = usePolicyState();
  const linkPolicy = useLinkPolicy(url.permalink?.policyJson);
  const [notice, setNotice] = useState<string | null>(url.permalinkError ?? linkPolicy.error);
  const { store, run: runWith, stop, pageConfig } = useRunner();
  const { examples, error: examplesError, fetchExample } = useExamples();

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
        setCode((current) => current || (loadDraft() ?? DEFAULT_CODE));
        setCodeRevision((r) => r + 1);
      }
    },
    [fetchExample],
  );

  useEffect(() => {
    // Open ?example=<name> after the first render (the fetch is asynchronous).
    if (!url.example) return;
    const name = url.example;
    const timer = setTimeout(() => void openExample(name), 0);
    return () => clearTimeout(timer);
  }, [url.example, openExample]);

  const onCodeChange = useCallback((text: string) => {
    setCode(text);
    saveDraft(text);
  }, []);

  const setSettings = useCallback((next: Settings) => {
    setSettingsState(next);
    saveSettings(next);
  }, []);

  const setLanguage = useCallback(
    (next: Language) => {
      setLanguageState(next);
      setSettings({ ...settings, ...next });
    },
    [settings, setSettings],
  );

  const run = useCallback(
    () =>
      runWith({
        code,
        policy: linkPolicy.policy ?? policy.policy,
        transport: settings.transport,
        demoHosts: settings.demoHosts,
        dialect: language.dialect,
        typeCheck: language.typeCheck,
      }),
    [runWith, code, linkPolicy.policy, policy.policy, settings, language],
  );

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
    language,
    setLanguage,
    policy,
    linkPolicy,
    store,
    run,
    stop,
    pageConfig,
    notice,
    dismissNotice: () => setNotice(null),
  };
}

export type Playground = ReturnType<typeof usePlayground>;
