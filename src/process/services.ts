/**
 * A project run's `process.service` entries on its node: started before the run's entry, in
 * `requires` order, restarted by the Supervisor as the platform's controller restarts them.
 * A pending restart keeps the run from being taken for a stalemate; every change is a line in
 * the console.
 */
import type { Project } from '../project/spec.ts';
import { Supervisor } from './supervisor.ts';
import type { Node } from './node.ts';
import type { RunConfig } from './run-config.ts';
import { copiedFromJs } from './payload-copy.ts';

export function startServices(node: Node, project: Project, config: RunConfig): Supervisor {
  const info = (text: string) => config.observer.output({ stream: 'info', text, time: Date.now() });
  const supervisor = new Supervisor(project, {
    spawn: (entryId, host, args) =>
      node.spawn({
        entryId,
        host,
        args: args.map((arg) => copiedFromJs(arg)),
        parent: null,
        monitor: false,
        link: false,
      }),
    onExit: (pid, callback) =>
      void node.onExit(pid, (result) =>
        callback({ error: result.error !== null, errorText: result.errorText }),
      ),
    cancel: (pid, reason) => void node.cancel('', pid, reason),
    clock: {
      now: () => config.clock.now(),
      setTimeout: (callback, ms) => {
        const release = node.holdRun();
        const handle = config.clock.setTimeout(() => {
          release();
          callback();
        }, ms);
        return { handle, release };
      },
      clearTimeout: (timer) => {
        const { handle, release } = timer as { handle: unknown; release: () => void };
        release();
        config.clock.clearTimeout(handle);
      },
    },
    onChange: (state, note) => info(`service ${state.id}: ${note}`),
  });
  for (const problem of supervisor.startAll()) info(`services: ${problem}`);
  return supervisor;
}
