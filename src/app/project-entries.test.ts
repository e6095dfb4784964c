import { describe, expect, it } from 'vitest';
import { entryToRun, readProjectEntries } from './project-entries.ts';

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
    text: 'namespace: app.tools\nentries:\n  - {name: sum, kind: function.lua, source: "file://sum.lua", method: run}\n',
  },
  { path: 'broken/_index.yaml', text: 'namespace: [' },
  { path: 'src/cli.lua', text: '' },
  { path: 'src/workers/worker.lua', text: '' },
  { path: 'src/helper.lua', text: '' },
  { path: 'src/tools/sum.lua', text: '' },
];

describe('project entries', () => {
  it('lists process.lua and function.lua entries with their source files, beside their yaml', () => {
    const read = readProjectEntries(files);
    expect(read.entries).toEqual([
      { id: 'app.tools:sum', kind: 'function.lua', file: 'src/tools/sum.lua' },
      { id: 'app:cli', kind: 'process.lua', file: 'src/cli.lua' },
      { id: 'app:worker', kind: 'process.lua', file: 'src/workers/worker.lua' },
    ]);
    // The yaml that does not parse is named, not skipped in silence.
    expect(read.problems.join('\n')).toContain('broken/_index.yaml');
  });

  it("runs the chosen entry, else the open file's, else the first process", () => {
    const { entries } = readProjectEntries(files);
    expect(entryToRun(entries, 'app.tools:sum', 'src/cli.lua')).toBe('app.tools:sum');
    expect(entryToRun(entries, 'app:gone', 'src/workers/worker.lua')).toBe('app:worker');
    expect(entryToRun(entries, undefined, 'src/_index.yaml')).toBe('app:cli');
    expect(entryToRun(entries.slice(0, 1), undefined, 'src/_index.yaml')).toBe('app.tools:sum');
    expect(entryToRun([], undefined, 'a.lua')).toBeUndefined();
  });

  it('does not follow a file whose entry a service starts with every run', () => {
    const { entries } = readProjectEntries([
      {
        path: '_index.yaml',
        text: `namespace: app
entries:
  - {name: processes, kind: process.host}
  - {name: cli, kind: process.lua, source: "file://cli.lua", method: main}
  - {name: relay, kind: process.lua, source: "file://relay.lua", method: main}
  - {name: relay-service, kind: process.service, process: app:relay, host: app:processes, lifecycle: {auto_start: true}}
`,
      },
      { path: 'cli.lua', text: '' },
      { path: 'relay.lua', text: '' },
    ]);
    expect(entries.find((e) => e.id === 'app:relay')?.service).toBe('app:relay-service');
    expect(entryToRun(entries, undefined, 'relay.lua')).toBe('app:cli');
    expect(entryToRun(entries, 'app:relay', 'relay.lua')).toBe('app:relay'); // picked by hand
  });
});
