/**
 * Every docs block's expected class, with how it runs (plan.ts) and what it must show.
 *
 * - `ok`: runs to its end (or, `waitsMs`, prints before its bound) and prints each of `prints`
 *   (a line containing it, in that order); `raises`: its documented end is that error.
 * - `fragment`: pseudo-code or a listing that no run can complete as written; `why` says what,
 *   `says` is text of its outcome (the error, or `stopped after`), `ran` when it ends anyway.
 * - `missing`: a module the playground lacks (`why` names it).
 * - `differs`: a documented playground difference (`why` cites the bullet of
 *   docs/platform-differences.md); `says` is text of the outcome that shows it.
 *
 * Preludes are one line put on the block's first line (`preludeWhy` says why); postludes one
 * line after it: a missing `return { main = … }`, or a print of what the block computed so that
 * it is checked (hash, uuid, io: the values are Python's hashlib/hmac/uuid). Tuning: run the test; a changed outcome names the block's page:line and output.
 */
import type { BlockPlan } from './plan.ts';
import { spawnDriver } from './drivers.ts';

export type BlockClass = 'ok' | 'fragment' | 'missing' | 'differs';

export interface Expectation extends Partial<BlockPlan> {
  class: BlockClass;
  /** fragment, missing, differs: why. */
  why?: string;
  preludeWhy?: string;
  /** ok: what the block says it prints, or what shows it ran (each a printed line's part). */
  prints?: string[];
  /** ok: the error the block ends with by design. */
  raises?: string;
  /** not ok: text of the outcome (error message, or a printed line). */
  says?: string;
  /** not ok: the run ends without an error all the same. */
  ran?: boolean;
}

const FUNCS = 'local funcs = require("funcs")';
const LOADING = 'the page loads the module in its "Loading" block';
const SIGNATURE = 'a signature: its parameters are names the page never binds';
const PLACEHOLDER = "binds the page's placeholder names to values of the kind its table says";
const RETURN_MAIN = 'return { main = main }';
const RETURN_MAIN_WHY = 'the block defines main but leaves out the return the page shows elsewhere';
const FUTURE = (target: string) => `local future = require("funcs").async("${target}", "data")`;
const BLOCK_WAITS = 4_000;
const HASH: Expectation = {
  class: 'ok',
  prelude: 'local hash = require("hash")',
  preludeWhy: LOADING,
};
/** Prints what a digest block computed, for the check against known values. */
const HASH_POSTLUDE = 'print(hex, #raw)';
const UUID_ID = 'local uuid = require("uuid") local id = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"';
const UUID_ID_WHY = `${LOADING}; id is the page's placeholder, here the DNS namespace (a v1 uuid)`;

export const EXPECTED: Record<string, Expectation> = {
  // en/lua/core/process.md
  'process#1': {
    class: 'ok',
    postlude: 'print(frame_id, pid)',
    preludeWhy: 'prints what the block got: the entry id (the code: a registry ID) and the pid',
    prints: ['app:main {app:terminal|0x'],
  },
  'process#2': { class: 'fragment', why: SIGNATURE, says: "bad argument #1 to 'send'" },
  'process#3': { class: 'fragment', why: SIGNATURE, says: "bad argument #1 to 'spawn'" },
  'process#4': {
    class: 'ok',
    prelude: 'local destination = process.spawn("app.workers:handler", "app:processes")',
    preludeWhy: PLACEHOLDER,
  },
  'process#5': {
    class: 'ok',
    prelude: 'local destination = process.spawn("app.workers:handler", "app:processes")',
    preludeWhy: PLACEHOLDER,
  },
  'process#6': { class: 'ok' },
  'process#7': { class: 'ok' },
  'process#8': {
    class: 'ok',
    prelude: 'local topic, options = "jobs", { message = true }',
    preludeWhy: PLACEHOLDER,
  },
  'process#9': {
    class: 'ok',
    prelude: 'local inbox = process.inbox() process.send(process.pid(), "greeting", "hi")',
    preludeWhy:
      'the inbox of block 7, and a message in it so that receive returns; the postlude prints what the comments say each call gives',
    postlude:
      'print(msg:topic(), msg:from() == process.pid() and "from self" or "?", msg:payload():data())',
    prints: ['greeting from self hi'],
  },
  'process#10': { class: 'fragment', why: SIGNATURE, says: "bad argument #1 to 'exec'" },
  'process#11': {
    class: 'fragment',
    why: `${SIGNATURE}; upgrade(nil) restarts the same script over and over, so it is stopped`,
    waitsMs: 1_000,
    says: 'stopped after',
  },
  'process#12': { class: 'ok' },
  'process#13': {
    class: 'differs',
    why: 'platform-differences.md, "Processes (issue 21)": Spawn options (`with_options`) are kept and unused, with a warning',
    says: 'spawn options (network) are kept but not used',
    ran: true,
  },
  'process#14': {
    class: 'fragment',
    why: 'a method listing: spawner, values, actor… are never bound',
    says: "key 'with_context'",
  },
  'process#15': { class: 'fragment', why: SIGNATURE, says: "key 'spawn'" },
  'process#16': { class: 'fragment', why: SIGNATURE, says: "key 'exec'" },
  'process#17': { class: 'ok', prelude: 'local name = "docs_service"', preludeWhy: PLACEHOLDER },
  'process#18': {
    class: 'ok',
    prelude: 'local name, pid, scope = "docs_service", process.pid(), process.registry.LOCAL',
    preludeWhy: PLACEHOLDER,
  },
  'process#19': { class: 'ok', prelude: 'local name = "nobody"', preludeWhy: PLACEHOLDER },
  'process#20': {
    class: 'ok',
    prelude: 'local name, scope = "docs_service", process.registry.LOCAL',
    preludeWhy: PLACEHOLDER,
  },

  // en/lua/core/funcs.md
  'funcs#1': { class: 'ok' },
  'funcs#2': {
    class: 'ok',
    prelude: `${FUNCS} local user_id = 42`,
    preludeWhy: `${LOADING}; user_id is the page's placeholder`,
    prints: ['Ada'],
  },
  'funcs#3': {
    class: 'ok',
    prelude: `${FUNCS} local large_dataset = { 1, 2, 3 }`,
    preludeWhy: `${LOADING}; large_dataset is the page's placeholder`,
  },
  'funcs#4': { class: 'ok', prelude: FUNCS, preludeWhy: LOADING },
  'funcs#5': {
    class: 'ok',
    prelude: `${FUNCS} local ctx = require("ctx") local user_id = 42`,
    preludeWhy: `${LOADING}; ctx is a module a lone script requires; user_id is the page's placeholder`,
  },
  'funcs#6': {
    class: 'fragment',
    prelude: `${FUNCS} local record_id = 7`,
    preludeWhy: `${LOADING}; record_id is the page's placeholder`,
    why: 'calls on behalf of the signed-in user: security.actor() is nil in a run nobody signed in to, and with_actor(nil) raises as the code does (funcs/module.go: "actor cannot be nil")',
    says: 'actor cannot be nil',
  },
  'funcs#7': { class: 'ok', prelude: FUNCS, preludeWhy: LOADING },
  'funcs#8': {
    class: 'ok',
    prelude: `${FUNCS} local query = "weather"`,
    preludeWhy: `${LOADING}; query is the page's placeholder`,
  },
  'funcs#9': { class: 'ok', prelude: FUNCS, preludeWhy: LOADING },
  'funcs#10': {
    class: 'ok',
    prelude: `${FUNCS} local data, timeout = "payload", time.after("5s")`,
    preludeWhy: `${LOADING}; data is the page's placeholder and timeout the time.after channel the block selects on`,
  },
  'funcs#11': {
    class: 'ok',
    prelude: FUTURE('app.api:slow_operation'),
    preludeWhy: 'the future of block 3 (funcs.async)',
  },
  'funcs#12': {
    class: 'ok',
    prelude: FUTURE('app.api:slow_operation'),
    preludeWhy: 'the future of block 3 (funcs.async)',
  },
  'funcs#13': {
    class: 'ok',
    prelude: `${FUTURE('app.api:slow_operation')} future:response():receive()`,
    preludeWhy: 'the future of block 3, waited for, so result() has the value',
    prints: ['Got: data'],
  },
  'funcs#14': {
    class: 'ok',
    prelude: `${FUTURE('app.api:fail')} future:response():receive()`,
    preludeWhy: 'a future of a call that fails, waited for, so error() has the error',
    prints: ['Error kind:'],
  },
  'funcs#15': {
    class: 'ok',
    prelude: FUTURE('app.api:slow_operation'),
    preludeWhy: 'the future of block 3 (funcs.async)',
  },
  'funcs#16': {
    class: 'ok',
    prelude: `${FUNCS} local user_id = 42`,
    preludeWhy: `${LOADING}; user_id is the page's placeholder`,
  },

  // en/lua/core/future.md
  'future#1': { class: 'ok' },
  'future#2': {
    class: 'ok',
    prelude: FUTURE('app.compute:task'),
    preludeWhy: 'the future of block 1',
  },
  'future#3': {
    class: 'ok',
    prelude: FUTURE('app.compute:task'),
    preludeWhy: 'the future of block 1',
  },
  'future#4': {
    class: 'ok',
    prelude: FUTURE('app.compute:task'),
    preludeWhy: 'the future of block 1',
  },
  'future#5': {
    class: 'ok',
    prelude: FUTURE('app.compute:task'),
    preludeWhy: 'the future of block 1',
  },
  'future#6': {
    class: 'ok',
    prelude: FUTURE('app.compute:task'),
    preludeWhy: 'the future of block 1',
  },
  'future#7': {
    class: 'ok',
    prelude: FUTURE('app.compute:slow'),
    preludeWhy: 'the future of block 1',
  },
  'future#8': {
    class: 'ok',
    prelude: `${FUNCS} local data = "data"`,
    preludeWhy: `${LOADING}; data is the page's placeholder`,
  },
  'future#9': {
    class: 'ok',
    prelude: `${FUNCS} local key = "user:1"`,
    preludeWhy: `${LOADING}; key is the page's placeholder`,
  },

  // en/concepts/process-model.md
  'process-model#1': {
    class: 'ok',
    prelude: 'local arg1, arg2 = "a", "b"',
    preludeWhy: PLACEHOLDER,
  },
  'process-model#2': {
    class: 'ok',
    prelude:
      'local target_pid, payload = process.spawn("app.workers:handler", "app:processes"), { n = 1 }',
    preludeWhy: PLACEHOLDER,
  },
  'process-model#3': { class: 'ok' },
  'process-model#4': {
    class: 'ok',
    prelude: 'local current_state = { count = 1 }',
    preludeWhy: PLACEHOLDER,
    prints: ['v2 running with state 1'],
  },

  // en/tutorials/processes.md
  'processes#1': { class: 'ok', prints: ['Started worker: {app:processes|'] },
  'processes#2': {
    class: 'ok',
    postlude: 'print(type(my_pid), my_pid == process.pid() and "own pid" or "?")',
    preludeWhy: 'prints what the comment says it returns (a string PID)',
    prints: ['string own pid'],
  },
  'processes#3': {
    class: 'ok',
    prelude:
      'local worker_pid = process.spawn("app.test.process:echo_worker", "app:processes", "hello")',
    preludeWhy: 'the worker of block 1',
  },
  'processes#4': {
    class: 'ok',
    driver: spawnDriver({ then: 'process.send(pid, "messages", "hello from parent")' }),
    prints: ['Received: hello from parent', 'driver: block exited with true'],
  },
  'processes#5': {
    class: 'differs',
    postlude: RETURN_MAIN,
    preludeWhy: RETURN_MAIN_WHY,
    driver: spawnDriver({
      then: 'process.send(pid, "specific_topic", 1) process.send(pid, "other", "hi")',
    }),
    prints: ['Inbox got: other hi'],
    why: 'platform-differences.md, "Processes (issue 21)": a run in which every process waits and nothing could wake one ends, with an error naming each; the block loops on receive forever by design (the platform would keep it waiting)',
    says: 'every process waits and nothing is left that could wake one',
  },
  'processes#6': {
    class: 'ok',
    driver: spawnDriver({
      before: 'local replies = process.listen("reply")',
      then: 'process.send(pid, "echo", "ping") print("driver got " .. replies:receive())',
    }),
    prints: ['driver got ping', 'driver: block exited with true'],
  },
  'processes#7': { class: 'ok', prints: ['Worker exited:', 'Return value: exited normally'] },
  'processes#8': { class: 'ok' },
  'processes#9': {
    class: 'ok',
    prelude:
      'local worker_pid = process.spawn_monitored("app.test.process:long_worker", "app:processes")',
    preludeWhy: 'the worker of block 8',
  },
  'processes#10': { class: 'ok' },
  'processes#11': {
    class: 'ok',
    prelude: 'local target_pid = process.spawn("app.test.process:child_worker", "app:processes")',
    preludeWhy: PLACEHOLDER,
  },
  'processes#12': { class: 'ok', prints: ['Linked process died:'] },
  'processes#13': { class: 'ok' },
  'processes#14': {
    class: 'ok',
    prelude: 'local test_name = "my_service" process.registry.register(test_name)',
    preludeWhy: 'the name block 13 registered',
  },
  'processes#15': {
    class: 'ok',
    prints: ['Worker 1 completed: 20', 'Worker 5 completed: 100'],
  },
  'processes#16': {
    class: 'ok',
    driver: spawnDriver({ args: '{ task_id = 1, value = 21 }' }),
    prints: ['driver: block exited with 42'],
  },

  // en/tutorials/echo-service.md
  'echo-service#1': {
    class: 'ok',
    driver: spawnDriver({
      before: 'local inbox = process.inbox()',
      then: 'process.send(pid, "echo", { sender = process.pid(), data = "hi" }) print("driver got " .. inbox:receive():payload():data().data) process.terminate(pid)',
    }),
    prints: ['relay started', 'driver got HI'],
  },
  'echo-service#2': {
    class: 'ok',
    prelude: 'local function stats_reporter() print("stats reporter runs") end',
    preludeWhy: "stats_reporter is the relay's function (block 1)",
    prints: ['stats reporter runs'],
  },
  'echo-service#3': {
    class: 'ok',
    prelude:
      'local inbox, events = process.inbox(), process.events() process.send(process.pid(), "echo", "hi")',
    preludeWhy: "the relay's inbox and events (block 1), and a message so that select returns",
  },
  'echo-service#4': {
    class: 'ok',
    prelude:
      'process.send(process.pid(), "echo", { data = "hi" }) local msg = process.inbox():receive()',
    preludeWhy: 'a message as the relay receives one (block 1)',
  },
  'echo-service#5': {
    class: 'fragment',
    why: '`...` stands for the sender and data; in a script it is empty, so the worker gets none',
    ran: true,
  },
  'echo-service#6': {
    class: 'ok',
    driver: spawnDriver({
      args: 'process.pid(), "hello"',
      before: 'local inbox = process.inbox()',
      then: 'print("driver got " .. inbox:receive():payload():data().data)',
    }),
    prints: ['driver got HELLO', 'driver: block exited with 0'],
  },
  'echo-service#7': {
    class: 'ok',
    input: ['hello world', ''],
    prints: ['Echo Client', 'HELLO WORLD', 'from worker: {app:processes|', 'Goodbye!'],
  },
  'echo-service#8': {
    class: 'ok',
    prelude: 'local msg = { sender = process.pid(), data = "hi" }',
    preludeWhy: 'the message of block 7',
  },
  'echo-service#9': {
    class: 'ok',
    prelude: 'local inbox = process.inbox()',
    preludeWhy: "the CLI's inbox (block 7); nothing arrives, so the block takes its 2 s timeout",
  },

  // en/tutorials/supervision.md
  'supervision#1': {
    class: 'ok',
    postlude: RETURN_MAIN,
    preludeWhy: RETURN_MAIN_WHY,
    prints: ['Worker exited:', 'Result: task nil done'],
  },
  'supervision#2': {
    class: 'ok',
    postlude: RETURN_MAIN,
    preludeWhy: RETURN_MAIN_WHY,
    prints: ['Worker terminated:'],
  },
  'supervision#3': { class: 'ok', postlude: RETURN_MAIN, preludeWhy: RETURN_MAIN_WHY },
  'supervision#4': {
    class: 'ok',
    postlude: 'return { main = worker_main }',
    preludeWhy: 'the block names its main worker_main and leaves out the return',
    driver: spawnDriver({
      before:
        'local target = process.spawn("app.workers:long_worker", "app:processes") local linked = process.listen("linked")',
      then: 'process.send(pid, "target", target) linked:receive() process.terminate(target)',
    }),
    prints: ['driver: block exited with LINK_DOWN_RECEIVED'],
  },
  'supervision#5': {
    class: 'ok',
    postlude: 'return { main = parent_main }',
    preludeWhy: 'the block names its main parent_main and leaves out the return',
    prints: ['Child died:'],
  },
  'supervision#6': {
    class: 'differs',
    postlude: 'return { main = worker_main }',
    preludeWhy: 'the block names its main worker_main and leaves out the return',
    why: 'platform-differences.md, "Language (wippy dialect): the libraries": print of a boolean prints \'\' (as go-lua), with a warning; the page says `-- false`. The block then ends as documented, killed by the LINK_DOWN',
    says: "the platform prints '' for a boolean",
  },
  'supervision#7': {
    class: 'ok',
    postlude: 'return { main = worker_main }',
    preludeWhy: 'the block names its main worker_main and leaves out the return',
    prints: ['Child failed, handling gracefully'],
  },
  'supervision#8': {
    class: 'ok',
    postlude: RETURN_MAIN,
    preludeWhy: RETURN_MAIN_WHY,
    prints: ['Worker cancelled:'],
  },
  'supervision#9': {
    class: 'ok',
    prelude:
      'local function cleanup() print("cleaned up") end local function handle_message(msg) print("handled " .. msg:topic()) end',
    postlude: 'return { main = worker_main }',
    preludeWhy:
      "cleanup and handle_message are the reader's own; the block names its main worker_main and leaves out the return",
    driver: spawnDriver({ then: 'process.send(pid, "job", 1) process.cancel(pid, "done")' }),
    prints: ['handled job', 'cleaned up', 'driver: block exited with cancelled gracefully'],
  },
  'supervision#10': {
    class: 'ok',
    postlude: 'return { main = star_parent_main }',
    preludeWhy: 'the block names its main star_parent_main and leaves out the return',
    raises: 'PARENT_STAR_FAILURE',
  },
  'supervision#11': {
    class: 'ok',
    postlude: 'return { main = linker_child_main }',
    preludeWhy: 'the block names its main linker_child_main and leaves out the return',
    driver: spawnDriver({
      before: 'local parent = process.spawn("app.workers:failing_parent", "app:processes")',
      then: 'process.send(pid, "inbox", parent)',
    }),
    prints: ['driver: block exited with parent_died'],
  },
  'supervision#12': {
    class: 'ok',
    postlude: 'return { main = chain_root_main }',
    preludeWhy: 'the block names its main chain_root_main and leaves out the return',
    raises: 'CHAIN_ROOT_FAILURE',
  },
  'supervision#13': {
    class: 'ok',
    postlude: 'return { main = chain_node_main }',
    preludeWhy: 'the block names its main chain_node_main and leaves out the return',
    driver: spawnDriver({ args: '2', then: 'time.sleep("50ms") process.terminate(pid)' }),
    prints: ['driver: block exited with error'],
  },
  'supervision#14': {
    class: 'ok',
    waitsMs: BLOCK_WAITS,
    prints: ['Worker 4 started:', 'Supervisor started with 4 workers'],
  },
  'supervision#15': {
    class: 'ok',
    driver: spawnDriver({
      args: '1',
      before: 'local results = process.listen("result")',
      then: 'process.send(pid, "work", "job") print("driver got " .. results:receive()) process.cancel(pid)',
    }),
    prints: [
      'Worker 1 processing: job',
      'driver got completed: job',
      'Worker 1 cancelled',
      'driver: block exited with cancelled',
    ],
  },
  'supervision#16': {
    class: 'fragment',
    why: 'a placeholder pid ("<pid-from-supervisor-log>"): terminate returns nil, err and the block ignores it',
    ran: true,
  },

  // en/lua/security/uuid.md
  'uuid#1': { class: 'ok' },
  'uuid#2': { class: 'ok', prelude: 'local uuid = require("uuid")', preludeWhy: LOADING },
  'uuid#3': { class: 'ok', prelude: 'local uuid = require("uuid")', preludeWhy: LOADING },
  'uuid#4': { class: 'ok', prelude: 'local uuid = require("uuid")', preludeWhy: LOADING },
  'uuid#5': {
    class: 'ok',
    prelude:
      'local uuid, namespace, name = require("uuid"), "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "example.com"',
    preludeWhy: `${LOADING}; ${PLACEHOLDER}`,
    postlude: 'print(id)',
    prints: ['9073926b-929f-31c2-abc9-fad77ae3e8eb'],
  },
  'uuid#6': {
    class: 'ok',
    prelude: 'local uuid = require("uuid")',
    preludeWhy: LOADING,
    postlude: 'print(id)',
    prints: ['1f70cc9d-a4b1-5e16-844a-32742876cc95'],
  },
  'uuid#7': {
    class: 'ok',
    prelude: 'local uuid, input = require("uuid"), "not a uuid"',
    preludeWhy: `${LOADING}; ${PLACEHOLDER}`,
    postlude: 'print(tostring(valid))',
    prints: ['false'],
  },
  'uuid#8': {
    class: 'ok',
    prelude: UUID_ID,
    preludeWhy: UUID_ID_WHY,
    postlude: 'print(ver)',
    prints: ['1'],
  },
  'uuid#9': {
    class: 'ok',
    prelude: UUID_ID,
    preludeWhy: UUID_ID_WHY,
    postlude: 'print(var)',
    prints: ['RFC4122'],
  },
  'uuid#10': {
    class: 'ok',
    prelude: UUID_ID,
    preludeWhy: UUID_ID_WHY,
    postlude: 'print(info.version, info.variant, info.node)',
    prints: ['1 RFC4122 00c04fd430c8'],
  },
  'uuid#11': {
    class: 'ok',
    prelude: UUID_ID,
    preludeWhy: UUID_ID_WHY,
    postlude: 'print(formatted)',
    prints: ['urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8'],
  },

  // en/lua/security/hash.md
  'hash#1': { class: 'ok' },
  // Each digest block prints its hex and raw length; the values are Python's hashlib/hmac.
  'hash#2': { ...HASH, postlude: HASH_POSTLUDE, prints: ['8d777f385d3dfec8815d20f7496026dc 16'] },
  'hash#3': {
    ...HASH,
    postlude: HASH_POSTLUDE,
    prints: ['a17c9aaa61e80a1bf71d0d850af4e5baa9800bbd 20'],
  },
  'hash#4': {
    ...HASH,
    postlude: HASH_POSTLUDE,
    prints: ['3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7 32'],
  },
  'hash#5': {
    ...HASH,
    postlude: HASH_POSTLUDE,
    prints: [
      '77c7ce9a5d86bb386d443bb96390faa120633158699c8844c30b13ab0bf92760b7e4416aea397db91b4ac0e5dd56b8ef7e4b066162ab1fdc088319ce6defc876 64',
    ],
  },
  'hash#6': { ...HASH, postlude: HASH_POSTLUDE, prints: ['7e0d0767775312154ba16fd3af9771a2 16'] },
  'hash#7': {
    ...HASH,
    postlude: HASH_POSTLUDE,
    prints: ['0caf649feee4953d87bf903ac1176c45e028df16 20'],
  },
  'hash#8': {
    ...HASH,
    postlude: HASH_POSTLUDE,
    prints: ['8b5f48702995c1598c573db1e21866a9b825d4a794d169d7060a03605796360b 32'],
  },
  'hash#9': {
    ...HASH,
    postlude: HASH_POSTLUDE,
    prints: [
      '1bba587c730eedba31f53abb0b6ca589e09de4e894ee455e6140807399759adaafa069eec7c01647bb173dcb17f55d22af49a18071b748c5c2edd7f7a829c632 64',
    ],
  },
  // FNV-1a (spec.md; see platform-differences.md "hash"), as Python computes it.
  'hash#10': { ...HASH, postlude: 'print(tostring(n == 3631407781))', prints: ['true'] },
  'hash#11': { ...HASH, postlude: 'print(tostring(n == 9609368131611085317))', prints: ['true'] },

  // en/lua/system/io.md
  'io#1': { class: 'ok' },
  'io#2': {
    class: 'ok',
    prelude: 'local io = require("io")',
    preludeWhy: LOADING,
    prints: ['textmore'],
  },
  'io#3': {
    class: 'ok',
    prelude: 'local io = require("io")',
    preludeWhy: LOADING,
    prints: ['value1\tvalue2\t123'],
  },
  'io#4': {
    class: 'ok',
    prelude: 'local io, message = require("io"), "disk full"',
    preludeWhy: `${LOADING}; message is the page's placeholder`,
    prints: ['[stderr] Error:\tdisk full'],
  },
  'io#5': {
    class: 'ok',
    prelude: 'local io = require("io")',
    preludeWhy: LOADING,
    input: ['typed'],
    postlude: 'print(data)',
    prints: ['typed'],
  },
  'io#6': {
    class: 'ok',
    prelude: 'local io = require("io")',
    preludeWhy: LOADING,
    input: ['a line'],
    postlude: 'print(line)',
    prints: ['a line'],
  },
  'io#7': {
    class: 'differs',
    prelude: 'local io = require("io")',
    preludeWhy: LOADING,
    postlude: 'print(tostring(ok), tostring(err))',
    why: 'platform-differences.md, "Processes (issue 21)", Terminal `io`: `io.raw` always answers `nil, "raw terminal control unavailable"`',
    says: 'nil raw terminal control unavailable',
    ran: true,
  },
  'io#8': { class: 'ok', prelude: 'local io = require("io")', preludeWhy: LOADING },
  'io#9': {
    class: 'ok',
    prelude: 'local io = require("io")',
    preludeWhy: LOADING,
    postlude: 'print(#args)',
    prints: ['0'],
  },
};
