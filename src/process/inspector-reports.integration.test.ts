/**
 * What a project run tells the inspector and the console besides its output: each message's
 * payload as JSON (for the timeline's detail), and who waits for terminal input (the console's
 * input line). Real Lua processes on the node.
 */
import { describe, expect, it } from 'vitest';
import { processProject, runProject } from './run-project-for-test.ts';

describe('the inspector reports of a run', () => {
  it('gives each message its payload as JSON, EXIT its value', async () => {
    const { done } = runProject(
      processProject({
        main: `local function main()
          local child = process.spawn_monitored("app:child", "app:processes", process.pid())
          process.send(child, "job", { id = 7, tags = { "a", "b" } }, "second")
          process.events():receive()
        end
        return { main = main }`,
        child: `local function main(parent)
          process.inbox():receive()
          return { done = 7 }
        end
        return { main = main }`,
      }),
      'app:main',
    );
    const result = await done;
    expect(result.end).toEqual({ status: 'finished' });
    const job = result.messages.find((m) => m.topic === 'job')!;
    expect(JSON.parse(job.payload!)).toEqual([{ id: 7, tags: ['a', 'b'] }, 'second']);
    expect(job.payloadCut).toBeUndefined();
    const exit = result.messages.find((m) => m.kind === 'exit')!;
    expect(JSON.parse(exit.payload!)).toEqual({ done: 7 });
  });

  it('reports who waits for terminal input, and forgets a reader that ended', async () => {
    let fed = false;
    const run = runProject(
      [
        {
          path: '_index.yaml',
          text: `version: "1.0"
namespace: app
entries:
  - name: main
    kind: process.lua
    source: file://main.lua
    method: main
    modules: [io, time]
`,
        },
        {
          path: 'main.lua',
          text: `local function main()
            local line = io.readline()
            print("got " .. line)
            -- A second read, pending when the process ends.
            coroutine.spawn(function() io.readline() end)
            time.sleep("20ms")
            return 0
          end
          return { main = main }`,
        },
      ],
      'app:main',
      {
        onReaders: (readers) => {
          // The first read waits: answer it (once; the second read stays pending).
          if (readers.length > 0 && !fed) {
            fed = true;
            queueMicrotask(() => run.handle.input('hello'));
          }
        },
      },
    );
    const result = await run.done;
    expect(result.end).toEqual({ status: 'finished' });
    expect(result.lines.map((l) => l.replace(/^\{[^}]+\} /, ''))).toEqual(['got hello']);
    expect(result.readers.map((list) => list.map((r) => r.entryId))).toEqual([
      ['app:main'],
      [],
      ['app:main'],
      [],
    ]);
    expect(result.readers[0]![0]!.pid).toMatch(/^\{app:terminal\|/);
  });
});
