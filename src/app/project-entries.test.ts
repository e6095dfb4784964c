import { describe, expect, it } from 'vitest';
import { entryToRun, runnableEntries } from './project-entries.ts';

const files = [
  {
    path: 'src/_index.yaml',
    text: `version: "1.0"
namespace: app
entries:
  - name: terminal
    kind: terminal.host
  - name: cli
    kind: process.lua
    source: file://cli.lua
  - name: worker
    kind: process.lua
    source: file://workers/worker.lua
  - name: helper
    kind: library.lua
    source: file://helper.lua
`,
  },
  {
    path: 'src/tools/_index.yaml',
    text: 'namespace: app.tools\nentries:\n  - {name: sum, kind: function.lua, source: "file://sum.lua"}\n',
  },
  { path: 'broken/_index.yaml', text: 'namespace: [' },
  { path: 'src/cli.lua', text: '' },
];

describe('project entries', () => {
  it('lists process.lua and function.lua entries with their source files, beside their yaml', () => {
    expect(runnableEntries(files)).toEqual([
      { id: 'app:cli', kind: 'process.lua', file: 'src/cli.lua' },
      { id: 'app:worker', kind: 'process.lua', file: 'src/workers/worker.lua' },
      { id: 'app.tools:sum', kind: 'function.lua', file: 'src/tools/sum.lua' },
    ]);
  });

  it("runs the chosen entry, else the open file's, else the first process", () => {
    const entries = runnableEntries(files);
    expect(entryToRun(entries, 'app.tools:sum', 'src/cli.lua')).toBe('app.tools:sum');
    expect(entryToRun(entries, 'app:gone', 'src/workers/worker.lua')).toBe('app:worker');
    expect(entryToRun(entries, undefined, 'src/_index.yaml')).toBe('app:cli');
    expect(entryToRun([], undefined, 'a.lua')).toBeUndefined();
  });
});
