/**
 * The report of a run in which every process waits and nothing could wake one. The platform
 * would keep such processes idle forever (a process subscribed to its inbox or events never
 * deadlocks, process.go:786-793); a playground run ends and says who waited on what.
 */
import type { LuaProcess } from './lua-process.ts';

const SHOWN = 10;

export function describeStalemate(processes: LuaProcess[]): string {
  const lines = processes
    .slice(0, SHOWN)
    .map((p) => `  ${p.pid} ${p.entryId} waits on ${p.waitingOn()}`);
  if (processes.length > SHOWN) lines.push(`  … and ${processes.length - SHOWN} more`);
  return (
    'every process waits and nothing is left that could wake one ' +
    '(the platform would keep them waiting forever):\n' +
    lines.join('\n')
  );
}
