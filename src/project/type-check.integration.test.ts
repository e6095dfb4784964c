/**
 * A project's type check before a run (src/project/type-check.ts), through real runs of real
 * Lua: strict refuses the run before any process (a service included) starts, naming the file
 * and line; warn reports each diagnostic located and runs; off and lua53 check nothing.
 */
import { describe, expect, it } from 'vitest';
import { processProject, runProject } from '../process/run-project-for-test.ts';
import { parseProject } from './project.ts';
import { projectTypeDiagnostics, projectTypeRefusal } from './type-check.ts';

// The library's mistake is in a function nobody calls: the run itself could go ahead.
const LIBRARY = [
  'local M = {}',
  'function M.never()',
  '  local n = 42',
  '  return n()',
  'end',
  'function M.greet() return "hi" end',
  'return M',
].join('\n');

const MAIN = [
  'local lib = require("lib")',
  'local function main()',
  '  print("main " .. lib.greet())',
  'end',
  'return { main = main }',
].join('\n');

const SERVICE = 'return { main = function() print("service started") end }';

const HOSTS = `  - { name: processes, kind: process.host }
  - name: svc
    kind: process.service
    process: app:service
    host: app:processes
    lifecycle: { auto_start: true }
`;

function files(library = LIBRARY) {
  const project = processProject({ main: MAIN, service: SERVICE, lib: library }, HOSTS, {
    lib: 'library.lua',
  });
  // main imports the library as `lib`.
  project[0].text = project[0].text.replace(
    'source: file://main.lua\n    method: main\n',
    'source: file://main.lua\n    method: main\n    imports: { lib: app:lib }\n',
  );
  return project;
}

const WARNING = 'lib.lua:4:10: expected function, got integer (E0002)';

describe("a project's type check before a run", () => {
  it('strict: a type error in a library entry fails the run before any process starts', async () => {
    const result = await runProject(files(), 'app:main', { typeCheck: 'strict' }).done;
    expect(result.end).toEqual({
      status: 'error',
      failure: {
        message: 'type errors in lib.lua: 4:10 expected function, got integer',
        traceback: WARNING,
      },
    });
    expect(result.lines).toEqual([]);
    expect(result.processes).toEqual([]);
  });

  it('warn: each diagnostic is a warning located as file:line:col, and the run goes ahead', async () => {
    const result = await runProject(files(), 'app:main', { typeCheck: 'warn' }).done;
    expect(result.end.status).toBe('finished');
    expect(result.output.filter((o) => o.stream === 'warn').map((o) => o.text)).toEqual([WARNING]);
    expect(result.lines.some((line) => line.endsWith('main hi'))).toBe(true);
    expect(result.lines.some((line) => line.endsWith('service started'))).toBe(true);
    expect(result.processes.length).toBeGreaterThan(0);
  });

  it('a project without diagnostics runs under strict', async () => {
    const clean = LIBRARY.replace('return n()', 'return n');
    const result = await runProject(files(clean), 'app:main', { typeCheck: 'strict' }).done;
    expect(result.end.status).toBe('finished');
    expect(result.output.filter((o) => o.stream === 'warn')).toEqual([]);
  });

  it('off checks nothing; a file with a syntax error is left to the loader', async () => {
    const off = await runProject(files(), 'app:main', { typeCheck: 'off' }).done;
    expect(off.end.status).toBe('finished');
    expect(off.output.filter((o) => o.stream === 'warn')).toEqual([]);

    const broken = await runProject(files('return {'), 'app:main', { typeCheck: 'strict' }).done;
    expect(broken.end.status).toBe('error');
    const message = broken.end.status === 'error' ? broken.end.failure.message : '';
    expect(message).toMatch(/lib\.lua:1:/);
    expect(message).not.toContain('type errors');
  });

  it('checks every Lua entry of the project once, by file', () => {
    const project = parseProject(files());
    expect(projectTypeDiagnostics(project).map((f) => f.file)).toEqual(['lib.lua']);
    expect(projectTypeDiagnostics(project)).toBe(projectTypeDiagnostics(project));
  });

  it('strict names the first file in the message and locates every diagnostic of every file', () => {
    const project = parseProject(files());
    const service = project.entries.get('app:service');
    if (service && 'source' in service) service.source = 'local s: string = 1\nreturn {}';
    const { refusal, warnings } = projectTypeRefusal(project, {
      dialect: 'wippy',
      typeCheck: 'strict',
    });
    expect(warnings).toEqual([]);
    expect(refusal).toEqual({
      message: 'type errors in lib.lua: 4:10 expected function, got integer (and 1 more file(s))',
      traceback: [WARNING, 'service.lua:1:19: cannot assign integer to string (E0000)'].join('\n'),
    });
    expect(projectTypeRefusal(project, { dialect: 'lua53', typeCheck: 'strict' }).refusal).toBe(
      null,
    );
  });
});
