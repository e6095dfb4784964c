/**
 * Runs an exported function of a module in a child process with a deadline: the way to test
 * that something does not hang when a hang would be synchronous (a backtracking regular
 * expression, a quadratic parser) and would freeze the test runner itself. The function gets
 * JSON arguments and returns a JSON value; a child that passes the deadline is killed and
 * reported as `timedOut`.
 */
import { execFile } from 'node:child_process';

const child = new URL('./deadline-child.ts', import.meta.url).pathname;
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;

export type DeadlineResult =
  | { timedOut: false; value: unknown }
  | { timedOut: false; threw: string }
  | { timedOut: true; stderr: string };

export function callWithDeadline(
  moduleUrl: URL,
  exportName: string,
  args: unknown[],
  deadlineMs: number,
): Promise<DeadlineResult> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [child, moduleUrl.pathname, exportName, JSON.stringify(args)],
      { timeout: deadlineMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && (error.killed || error.signal)) {
          resolve({ timedOut: true, stderr: stderr.slice(-2000) });
          return;
        }
        const last = stdout.trim().split('\n').at(-1) ?? '';
        try {
          resolve({ timedOut: false, ...(JSON.parse(last) as { value: unknown }) });
        } catch {
          resolve({ timedOut: false, threw: `no result: ${stderr.slice(-2000)}` });
        }
      },
    );
  });
}
