/**
 * The left column: the scripts bar (not in the embed view), the open project's file tabs, the
 * editor, the splitter and the console. On a narrow screen the shell shows the editor or the console, never both
 * (app.css, `data-pane`).
 */
import { useState } from 'react';
import type { Playground } from './use-playground.ts';
import { useRunStoreSelect } from './use-run-store.ts';
import { Splitter } from './Splitter.tsx';
import { ScriptBar } from './ScriptBar.tsx';
import { ProjectBar } from './ProjectBar.tsx';
import { LazyCodeEditor } from '../editor/LazyCodeEditor.tsx';
import { ConsolePane } from '../console/ConsolePane.tsx';
import { CHUNK_NAME } from './default-code.ts';
import type { ResolvedTheme } from './theme-choice.ts';
import { LocationTargetsContext, SCRIPT_TARGETS } from '../console/location-targets.ts';
import { useProjectLocationTargets } from './project-location-targets.ts';

export interface EditorColumnProps {
  p: Playground;
  theme: ResolvedTheme;
  /** Whether the scripts bar shows (the full page; the embed view has one script). */
  withScripts: boolean;
  onNotice(text: string): void;
}

export function EditorColumn({ p, theme, withScripts, onNotice }: EditorColumnProps) {
  const [split, setSplit] = useState(0.62);
  const [tabFocus, setTabFocus] = useState(false);
  const warnings = useRunStoreSelect(p.store, (store) => store.warnings);
  const { scripts } = p;
  const project = withScripts ? scripts.active.project : undefined;
  const projectTargets = useProjectLocationTargets(project, scripts);
  return (
    <section className="left-column" style={{ gridTemplateRows: `${split}fr 5px ${1 - split}fr` }}>
      <div className="editor-area">
        {withScripts && (
          <ScriptBar
            scripts={scripts}
            onNotice={onNotice}
            tabFocus={tabFocus}
            onTabFocus={setTabFocus}
          />
        )}
        {project && (
          <ProjectBar
            project={project}
            scripts={scripts}
            entries={p.entries}
            entry={p.entry}
            problems={p.projectEntries.problems}
            warnings={p.projectEntries.warnings}
            onNotice={onNotice}
          />
        )}
        <div className="editor-pane" id="editor-pane" role={withScripts ? 'tabpanel' : undefined}>
          <LazyCodeEditor
            value={p.code}
            revision={p.codeRevision}
            onChange={p.onCodeChange}
            onRun={p.run}
            onStop={p.stop}
            failure={p.store.failure}
            warnings={warnings}
            chunkName={project ? project.activePath : CHUNK_NAME}
            dialect={p.language.dialect}
            typeCheck={p.language.typeCheck}
            theme={theme}
            cursor={scripts.cursor}
            onCursorChange={scripts.setCursor}
            tabFocus={tabFocus}
            onTabFocusChange={setTabFocus}
          />
        </div>
      </div>
      <Splitter
        direction="vertical"
        onResize={setSplit}
        label="Resize editor and console"
        min={0.25}
        max={0.85}
      />
      <LocationTargetsContext.Provider value={projectTargets ?? SCRIPT_TARGETS}>
        <ConsolePane store={p.store} />
      </LocationTargetsContext.Provider>
    </section>
  );
}
