/**
 * A warning names the file of the line it points at (src/runtime/warnings.ts): in a project,
 * where `line 4` alone is ambiguous, each warning carries its chunk (the entry's file or an
 * import's); a lone script's own warnings carry none and read as they always have.
 */
import { describe, expect, it } from 'vitest';
import { startRun } from '../runtime/run.ts';
import { getPreset } from '../policy/presets.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import type { OutputEntry } from '../shared/run-events.ts';
import { runProject } from './run-project-for-test.ts';

/** The platform prints '' for a nil: the playground says so (modules/base.ts). */
const NIL_WARNING = /^print: the platform prints '' for a nil/;

const warningsOf = (output: OutputEntry[]) =>
  output.filter((o) => o.stream === 'warn').map(({ text, line, chunk }) => ({ text, line, chunk }));

describe('the location of a warning', () => {
  it("names the project file whose line raised it: the entry's or an import's", async () => {
    const { done } = runProject(
      [
        {
          path: '_index.yaml',
          text: `version: "1.0"
namespace: app
entries:
  - name: lib
    kind: library.lua
    source: file://src/lib.lua
  - name: main
    kind: process.lua
    source: file://src/main.lua
    method: main
    imports:
      lib: app:lib
`,
        },
        {
          path: 'src/lib.lua',
          text: `local lib = {}
function lib.show(v)
  -- a warning raised on line 4 of the library
  print(v)
end
return lib
`,
        },
        {
          path: 'src/main.lua',
          text: `local function main()
  lib.show(nil)
  print(nil)
end
return { main = main }
`,
        },
      ],
      'app:main',
    );
    const result = await done;
    expect(result.end.status).toBe('finished');
    const warnings = warningsOf(result.output).filter((w) => NIL_WARNING.test(w.text));
    expect(warnings.map(({ line, chunk }) => ({ line, chunk }))).toEqual([
      { line: 4, chunk: 'src/lib.lua' },
      { line: 3, chunk: 'src/main.lua' },
    ]);
  });

  it("leaves a lone script's own warnings without a file, as they always were", async () => {
    const output: OutputEntry[] = [];
    const run = startRun({
      code: 'local x = 1\nprint(nil)\n',
      chunkName: 'main.lua',
      dialect: 'wippy',
      policy: getPreset('allow-all').policy,
      transport: { transport: createNodeTransport(), why: 'direct (test)' },
      demoHosts: {},
      observer: {
        output: (entry) => output.push(entry),
        connection: () => {},
        decision: () => {},
      },
    });
    const end = await run.done;
    expect(end.status).toBe('finished');
    const warnings = warningsOf(output).filter((w) => NIL_WARNING.test(w.text));
    expect(warnings.map(({ line, chunk }) => ({ line, chunk }))).toEqual([
      { line: 2, chunk: undefined },
    ]);
  });
});
