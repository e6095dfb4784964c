import { describe, expect, it } from 'vitest';
import { importsOf, parseProject, runnableEntries, scriptProject, testSuites } from './project.ts';
import type { LuaEntry, ServiceEntry } from './spec.ts';

const lua = 'return { main = function() return true end }\n';

function project(index: string, extra: Record<string, string> = {}, folder = 'src') {
  const files = [{ path: `${folder}/_index.yaml`, text: index }];
  for (const [path, text] of Object.entries(extra)) files.push({ path, text });
  return parseProject(files);
}

describe('parseProject', () => {
  it('reads the Lua kinds with their defaults, sources relative to the yaml', () => {
    const p = project(
      `namespace: app
entries:
  - { name: worker, kind: process.lua, source: file://w.lua, modules: [time, json] }
  - name: fn
    kind: function.lua
    source: file://../shared/f.lua
    method: run
    imports: { lib: util }
  - { name: util, kind: library.lua, source: file://lib/u.lua }
`,
      { 'src/w.lua': lua, 'shared/f.lua': lua, 'src/lib/u.lua': 'return {}' },
    );
    expect(p.problems).toEqual([]);
    const worker = p.entries.get('app:worker') as LuaEntry;
    expect(worker).toMatchObject({
      kind: 'process.lua',
      method: 'main',
      modules: ['time', 'json'],
    });
    expect(worker.file).toBe('src/w.lua');
    const fn = p.entries.get('app:fn') as LuaEntry;
    expect(fn).toMatchObject({ method: 'run', file: 'shared/f.lua', imports: { lib: 'app:util' } });
    expect([...importsOf(p, fn).keys()]).toEqual(['lib']);
    expect(runnableEntries(p).map((e) => e.id)).toEqual(['app:fn', 'app:worker']);
  });

  it('reports the platform validation errors by entry id', () => {
    const p = project(
      `namespace: app
entries:
  - { name: a, kind: function.lua, source: file://x.lua }
  - { name: b, kind: process.lua }
  - { name: c, kind: library.lua, source: file://x.lua, modules: ["app:json"] }
  - { name: d, kind: library.lua, source: file://x.lua, modules: [""] }
  - { name: e, kind: library.lua, source: file://x.lua, imports: { "": app:c } }
  - { name: f, kind: library.lua, source: file://x.lua, imports: { z: "app:" } }
  - { name: g, kind: process.service, host: app:processes }
  - { name: h, kind: process.service, process: w, host: node:control }
  - { name: i, kind: process.lua, source: file://../../out.lua }
  - { name: j, kind: process.lua, source: file://missing.lua }
`,
      { 'src/x.lua': lua },
    );
    expect(p.problems).toEqual([
      'src/_index.yaml: app:a: method is required',
      'src/_index.yaml: app:b: source is required',
      'src/_index.yaml: app:c: module cannot have a namespace',
      'src/_index.yaml: app:d: module cannot be empty',
      'src/_index.yaml: app:e: import alias cannot be empty',
      'src/_index.yaml: app:f: import :name cannot be empty',
      'src/_index.yaml: app:g: process is required',
      'src/_index.yaml: app:h: invalid host: node:control',
      'src/_index.yaml: app:i: file://../../out.lua is outside the project',
      'src/_index.yaml: app:j: file://missing.lua: no such file (src/missing.lua)',
    ]);
    expect(p.entries.size).toBe(0);
  });

  it('warns about kinds it does not emulate and lifecycle on a process.lua', () => {
    const p = project(
      `namespace: app
entries:
  - { name: gateway, kind: http.service, addr: ":8080" }
  - { name: w, kind: process.lua, source: file://x.lua, lifecycle: { auto_start: true } }
  - { name: processes, kind: process.host, lifecycle: { auto_start: true } }
`,
      { 'src/x.lua': lua },
    );
    expect(p.warnings).toEqual([
      'src/_index.yaml: app:gateway: kind http.service is not emulated in the playground',
      'src/_index.yaml: app:w: lifecycle on a process.lua is ignored (the runtime reads it only on services and hosts)',
    ]);
    expect(p.entries.get('app:processes')?.kind).toBe('process.host');
    expect(p.entries.has('app:gateway')).toBe(false);
  });

  it('reads a service with the lifecycle defaults and Go durations', () => {
    const p = project(
      `namespace: app
entries:
  - { name: w, kind: process.lua, source: file://x.lua }
  - { name: dep, kind: process.service, process: w, host: app:processes }
  - name: svc
    kind: process.service
    process: app:w
    host: app:processes
    input: [1, "two"]
    lifecycle:
      auto_start: true
      requires: [dep]
      depends_on: [app:dep]
      stable_threshold: 1m30s
      restart: { initial_delay: 250ms, max_attempts: 3 }
`,
      { 'src/x.lua': lua },
    );
    expect(p.problems).toEqual([]);
    expect(p.entries.get('app:dep')).toMatchObject({
      autoStart: false,
      requires: [],
      input: [],
      restart: { maxAttempts: 0, initialDelayMs: 1000, stableThresholdMs: 5000 },
    } satisfies Partial<ServiceEntry>);
    expect(p.entries.get('app:svc')).toMatchObject({
      process: 'app:w',
      autoStart: true,
      requires: ['app:dep'],
      input: [1, 'two'],
      restart: { maxAttempts: 3, initialDelayMs: 250, stableThresholdMs: 90_000 },
    } satisfies Partial<ServiceEntry>);
  });

  it('keeps the first of two entries with one id and reports the second', () => {
    const files = [
      {
        path: 'a/_index.yaml',
        text: 'namespace: app\nentries:\n  - { name: x, kind: terminal.host }\n',
      },
      {
        path: 'b/_index.yaml',
        text: 'namespace: app\nentries:\n  - { name: x, kind: process.host }\n',
      },
    ];
    const p = parseProject(files);
    expect(p.entries.get('app:x')?.kind).toBe('terminal.host');
    expect(p.problems).toEqual(['b/_index.yaml: app:x: a duplicate id (the first one is kept)']);
  });

  it('names bad YAML, a missing namespace and unknown references', () => {
    const p = parseProject([
      { path: '_index.yaml', text: 'namespace: [\n' },
      { path: 'n/_index.yaml', text: 'entries: []\n' },
      {
        path: 'r/_index.yaml',
        text: 'namespace: r\nentries:\n  - { name: s, kind: process.service, process: nope, host: h, lifecycle: { requires: [ghost] } }\n  - { name: l, kind: library.lua, source: "return {}", imports: { q: r:s } }\n',
      },
    ]);
    expect(p.problems[0]).toMatch(/^_index.yaml: /);
    expect(p.problems.slice(1)).toEqual([
      'n/_index.yaml: no namespace (an _index.yaml needs namespace and entries)',
      'r:s: process r:nope is not a process.lua entry',
      'r:s: requires r:ghost, which is not an entry',
      'r:l: import q names r:s, which is not a library.lua entry',
    ]);
  });

  it('stays within its bounds and says which one', () => {
    const index = 'namespace: a\nentries:\n' + '  - { name: h%, kind: process.host }\n';
    const many = index.replace('h%', 'h1') + '  - { name: h2, kind: process.host }\n';
    const p = parseProject(
      [
        { path: '_index.yaml', text: many },
        { path: 'big.lua', text: 'x'.repeat(100) },
        { path: 'extra.lua', text: '' },
      ],
      { maxEntries: 1, maxFileBytes: 99, maxFiles: 2 },
    );
    expect(p.problems).toEqual([
      'the project has 3 files; the playground reads at most 2',
      'big.lua: 100 bytes, above the 99-byte file limit',
      '_index.yaml: entries left out, the playground reads at most 1',
    ]);
    expect(parseProject([{ path: '../x/_index.yaml', text: '' }]).problems).toEqual([
      "../x/_index.yaml: a path outside the project's root",
    ]);
  });
});

describe('testSuites', () => {
  it('orders as the platform runner: suites by name, meta.order then id, no suite last', () => {
    const p = project(
      `namespace: t
entries:
  - { name: b, kind: function.lua, method: main, source: file://x.lua, meta: { type: test, suite: s2 } }
  - { name: a, kind: function.lua, method: main, source: file://x.lua, meta: { type: test, suite: s2, order: 2 } }
  - { name: c, kind: function.lua, method: main, source: file://x.lua, meta: { type: test, suite: s1 } }
  - { name: d, kind: function.lua, method: main, source: file://x.lua, meta: { type: test } }
  - { name: e, kind: function.lua, method: main, source: file://x.lua }
`,
      { 'src/x.lua': lua },
    );
    const suites = [...testSuites(p)].map(([name, tests]) => [name, tests.map((t) => t.id)]);
    expect(suites).toEqual([
      ['s1', ['t:c']],
      ['s2', ['t:b', 't:a']],
      ['other', ['t:d']],
    ]);
  });

  it('makes a lone script the implicit app:main process on the implicit hosts', () => {
    const p = scriptProject('print(1)');
    expect([...p.entries.keys()]).toEqual(['app:main', 'app:processes', 'app:terminal']);
  });
});
