/**
 * The playground's bounds on a run's processes. The platform has none of these (its queues are
 * unbounded, its hosts take what memory allows); a page must not be frozen by a runaway spawn
 * loop, so each is stated, and each refusal names the limit it hit.
 */
export const MAX_LIVE_PROCESSES = 1_100;
export const MAX_SPAWNS_PER_RUN = 20_000;
export const MAX_QUEUED_MESSAGES = 10_000;

export const LIMIT_TEXT = {
  live: `playground limit: ${MAX_LIVE_PROCESSES} live processes per run`,
  spawns: `playground limit: ${MAX_SPAWNS_PER_RUN} spawns per run`,
  queue: (pid: string) =>
    `playground limit: the mailbox of ${pid} is full (${MAX_QUEUED_MESSAGES} queued messages)`,
};
