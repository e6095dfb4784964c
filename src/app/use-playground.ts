/**
 * The page's state: the scripts (use-scripts.ts; a permalink or an example opens as a new
 * one, never in place of the person's), settings, the language (dialect and type check:
 * language.ts), the policy, and the actions on them. URL state is read once at load;
 * afterwards the URL follows the open script (`?example=` while an example's script is open,
 * the `#code=` link while its script is open). A project (project-files.ts) runs the entry
 * its picker shows (project-entries.ts) with all its files.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { readUrlState, scriptUrl } from './url-state.ts';
import { loadSettings, saveSettings } from './settings.ts';
import type { Settings } from './settings.ts';
import { initialLanguage } from './language.ts';
import type { Language } from './language.ts';
import { DEFAULT_CODE } from './default-code.ts';
import { useRunner } from './use-runner.ts';
import { useExamples } from './use-examples.ts';
import { usePolicyState } from '../policy/use-policy.ts';
import { useLinkPolicy } from './use-link-policy.ts';
import { useScripts } from './use-scripts.ts';
import { openOrAdd, selectScript } from './script-store.ts';
import type { ScriptsState } from './script-store.ts';
import { entryToRun, readProjectEntries, type ProjectEntries } from './project-entries.ts';
import type { ProjectFile } from './project-files.ts';

/** The script a URL's example names, if one is open (a reload keeps the person's edits). */
const exampleScript = (state: ScriptsState, name: string) =>
  state.scripts.find((s) => s.origin.kind === 'example' && s.origin.name === name);

export function usePlayground() {
  const url = useMemo(() => readUrlState(window.location), []);
  /**
   * The script the URL's permalink opened (the one open at load), while the URL still carries
   * its hash; undefined until the first sync. Not set in `initial`: StrictMode runs that twice.
   */
  const linkScriptId = useRef<string | null | undefined>(undefined);
  const scripts = useScripts({
    defaultCode: DEFAULT_CODE,
    persist: !url.embed,
    initial: (state, now) => {
      if (url.permalink) {
        const origin = { kind: 'permalink' as const };
        const opened = openOrAdd(
          state,
          { name: 'Shared link', code: url.permalink.code, origin },
          now,
        );
        return opened.ok ? opened.state : state;
      }
      const fromExample = url.example ? exampleScript(state, url.example) : undefined;
      return fromExample ? selectScript(state, fromExample.id) : state;
    },
  });
  const { active } = scripts;
  const code = scripts.text;
  const project = active.project;
  // Read again only when the files change (not on a switch of the open file or the entry).
  const files = project?.files;
  const projectEntries = useMemo(
    (): ProjectEntries =>
      files ? readProjectEntries(files) : { entries: [], problems: [], warnings: [] },
    [files],
  );
  const { entries } = projectEntries;
  const entry = project ? entryToRun(entries, project.entry, project.activePath) : undefined;
  const [settings, setSettingsState] = useState<Settings>(loadSettings);
  // From the link while the page shows one (not saved); a change in the picker is saved.
  const [language, setLanguageState] = useState<Language>(() =>
    initialLanguage(settings, url.permalink),
  );
  // The saved policy; a link's &policy= applies beside it, never in its place (audit M3).
  const policy = usePolicyState();
  const linkPolicy = useLinkPolicy(url.permalink?.policyJson);
  const [notice, setNotice] = useState<string | null>(url.permalinkError ?? linkPolicy.error);
  const { add: addScript } = scripts;
  const { store, run: runWith, stop, pageConfig } = useRunner();
  const {
    examples,
    error: examplesError,
    fetchExample,
    fetchProjectExample,
    findExample,
  } = useExamples();

  /** An example always opens as a new script: the person's scripts are never replaced. */
  const openExample = useCallback(
    async (name: string) => {
      try {
        const example = await findExample(name);
        const title = example?.title ?? name;
        const origin = { kind: 'example' as const, name };
        // A project example (several files) opens as a project; the others as a script.
        const refused = example?.project
          ? addScript({
              name: title,
              code: '',
              origin,
              project: await fetchProjectExample(example),
            })
          : addScript({ name: title, code: await fetchExample(name), origin });
        if (refused) setNotice(`The example did not open: ${refused}.`);
      } catch (e) {
        setNotice(String((e as Error).message ?? e));
      }
    },
    [fetchExample, fetchProjectExample, findExample, addScript],
  );

  const opensExample = useRef(
    url.example && !url.permalink && !exampleScript(scripts.state, url.example)
      ? url.example
      : null,
  );
  useEffect(() => {
    // Open ?example=<name> after the first render (the fetch is asynchronous), unless a
    // script from that example is open already (then a reload keeps its edits).
    const name = opensExample.current;
    if (!name) return;
    const timer = setTimeout(() => {
      opensExample.current = null;
      void openExample(name);
    }, 0);
    return () => clearTimeout(timer);
  }, [openExample]);

  useEffect(() => {
    // The URL follows the open script, so a reload or a copied address opens what is shown.
    if (url.embed) return;
    if (linkScriptId.current === undefined) linkScriptId.current = url.permalink ? active.id : null;
    if (linkScriptId.current !== active.id) linkScriptId.current = null;
    const next = scriptUrl(window.location, active.origin, linkScriptId.current !== null);
    if (next !== `${location.pathname}${location.search}${location.hash}`)
      history.replaceState(history.state, '', next);
  }, [active.id, active.origin, url.embed, url.permalink]);

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

  /** A project's files and entry, else undefined: Run then says why nothing ran. */
  const projectRun = useMemo(
    () => (project && entry ? { files: filesOf(project.files), entry } : undefined),
    [project, entry],
  );

  const run = useCallback(() => {
    if (project && !projectRun) {
      setNotice(
        'This project has no process.lua or function.lua entry to run: add one to an _index.yaml.',
      );
      return;
    }
    runWith({
      code,
      policy: linkPolicy.policy ?? policy.policy,
      transport: settings.transport,
      demoHosts: settings.demoHosts,
      dialect: language.dialect,
      typeCheck: language.typeCheck,
      ...(projectRun ? { project: projectRun } : {}),
    });
  }, [runWith, code, linkPolicy.policy, policy.policy, settings, language, project, projectRun]);

  return {
    url,
    code,
    scripts,
    codeRevision: scripts.revision,
    onCodeChange: scripts.setCode,
    exampleName: active.origin.kind === 'example' ? active.origin.name : null,
    openExample,
    /** The open project's runnable entries (and what is wrong with it), the one Run starts. */
    projectEntries,
    entries,
    entry,
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

const filesOf = (files: readonly ProjectFile[]) => files.map(({ path, text }) => ({ path, text }));
