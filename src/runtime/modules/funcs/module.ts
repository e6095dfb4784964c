/**
 * The `funcs` module of a process (runtime/lua/modules/funcs/, spec.md): `funcs.call(id, ...)`
 * waits for a function entry to run and returns its result; `funcs.async(id, ...)` returns a
 * Future at once; `funcs.new()` returns an Executor with the same two methods. Each call is a
 * short-lived process of the node (`NodeApi.call`): its arguments are copied at the call, as
 * a message's payloads are, and it inherits the caller's context (values, actor, scope), with
 * an executor's values on top.
 *
 * An executor's `timeout` option bounds the call: past it, the callee is canceled and the call
 * ends with a Timeout error (call-options.ts). The options the called entry declares
 * (`meta.options`) apply under the executor's, as the platform merges them.
 *
 * Errors, returned as `nil, err`: Invalid `function ID required`, `namespace required in
 * function ID`, `name required in function ID`; what the node refuses (unknown entry...); the
 * callee's own error, kind and message kept; Timeout `context deadline exceeded`. A target
 * that is not a string raises.
 */
import {
  checkText,
  lua,
  raise,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { warn } from '../../warnings.ts';
import {
  CopyLimitError,
  copiedFromJs,
  copyValues,
  pushCopied,
} from '../../../process/payload-copy.ts';
import type {
  CallHandle,
  Copied,
  ExitResult,
  ProcessSelf,
  Result,
} from '../../../process/types.ts';
import { returnError, runtimeError } from '../errors.ts';
import {
  apiErrorToRuntime,
  callOutcome,
  pushOutcomeError,
  type CallOutcome,
} from './call-outcome.ts';
import {
  EMPTY_EXECUTOR,
  executorType,
  withActor,
  withContext,
  withOptions,
  withScope,
  type Executor,
} from './executor.ts';
import {
  callTimeoutError,
  mergeCallOptions,
  readCallOptions,
  type CallOptions,
} from './call-options.ts';
import { mayRetry, retryWaits } from './retry.ts';
import { pushFuture, registerFuture } from './future.ts';
import { targetError } from './target.ts';

interface CallSpec {
  target: string;
  args: Copied[];
  context: Map<string, Copied>;
  options: CallOptions;
}

/**
 * Read the target at `targetIdx` and copy the arguments after it; for an invalid target, the
 * count of the `nil, err` pushed instead.
 */
function readCall(
  L: LuaState,
  self: ProcessSelf,
  targetIdx: number,
  executor: Executor,
): CallSpec | number {
  const target = checkText(L, targetIdx);
  const invalid = targetError(target);
  if (invalid) return returnError(L, apiErrorToRuntime(invalid));
  let args: Copied[];
  try {
    args = copyValues(L, targetIdx + 1, lua.lua_gettop(L), (what) =>
      warn(L, `funcs: ${what} cannot cross to the called function and arrives as nil`),
    );
  } catch (e) {
    if (e instanceof CopyLimitError) raise(L, e.message);
    throw e;
  }
  // The caller's context (values, actor, scope) first, the executor's on top (module.go
  // buildMergedContextPairs: explicit values take precedence).
  const context = new Map(self.context);
  for (const [key, value] of executor.values) context.set(key, value);
  return { target, args, context, options: callOptionsFor(L, self, target, executor) };
}

/** The executor's options over those the target entry declares (call-options.ts). */
function callOptionsFor(
  L: LuaState,
  self: ProcessSelf,
  target: string,
  executor: Executor,
): CallOptions {
  const declared = self.node.declaredCallOptions(target);
  if (declared === undefined) return executor.callOptions;
  pushCopied(L, copiedFromJs(declared));
  const options = readCallOptions(L, -1, `${target} meta.options`);
  lua.lua_pop(L, 1);
  return mergeCallOptions(options, executor.callOptions);
}

/**
 * Start the call; `onDone` runs once with its outcome: the callee's end (after the retries its
 * options allow, retry.ts), or a Timeout error once their timeout passes (the running attempt
 * is then canceled). The handle cancels the running attempt and any further one. An ApiError
 * (the first attempt could not start) comes back as such.
 */
function startCall(
  self: ProcessSelf,
  spec: CallSpec,
  onDone: (outcome: CallOutcome) => void,
): Result<CallHandle> {
  const { retry, timeoutMs } = spec.options;
  const waits = retry ? retryWaits(retry) : null;
  const release = self.hold();
  let finished = false;
  let canceled = false;
  let running: CallHandle | null = null;
  let stopWait = () => {};
  let stopDeadline = () => {};
  const finish = (outcome: CallOutcome) => {
    if (finished) return;
    finished = true;
    stopWait();
    stopDeadline();
    // Wake the waiting task first: released before, the process would look deadlocked.
    onDone(outcome);
    release();
  };
  const attempt = (): Result<CallHandle> => {
    const started = self.node.call(
      { entryId: spec.target, args: spec.args, caller: self.pid, context: spec.context },
      (exit: ExitResult) => {
        if (finished) return;
        const outcome = callOutcome(exit);
        const wait =
          !outcome.ok && !canceled && retry && mayRetry(retry, outcome.error)
            ? waits!.next()
            : null;
        if (wait === null) return finish(outcome);
        running = null;
        stopWait = self.timers.start(wait, () => {
          const again = attempt();
          if (!again.ok) finish({ ok: false, error: apiErrorToRuntime(again.error) });
        });
      },
    );
    if (started.ok) running = started.value;
    return started;
  };
  const first = attempt();
  if (!first.ok) {
    if (!finished) {
      finished = true;
      release();
    }
    return first;
  }
  if (timeoutMs !== undefined && !finished) {
    stopDeadline = self.timers.start(timeoutMs, () => {
      // The timeout is the outcome; the callee's end, which the cancel brings, comes too late.
      finish({ ok: false, error: callTimeoutError() });
      running?.cancel();
    });
  }
  return {
    ok: true,
    value: {
      pid: first.value.pid,
      cancel() {
        canceled = true;
        if (running) running.cancel();
        // Between attempts there is nothing to cancel: the call ends here.
        else finish({ ok: false, error: runtimeError('CANCELED', 'context canceled') });
      },
    },
  };
}

function pushCallResult(L: LuaState, outcome: CallOutcome): number {
  if (!outcome.ok) {
    lua.lua_pushnil(L);
    pushOutcomeError(L, outcome.error);
    return 2;
  }
  pushCopied(L, outcome.exit.value);
  lua.lua_pushnil(L);
  return 2;
}

export function openFuncs(self: ProcessSelf): LuaFunction {
  const { scheduler } = self;

  /** funcs.call / executor:call: park the calling task until the callee ends. */
  const call = (L: LuaState, targetIdx: number, executor: Executor): number => {
    const spec = readCall(L, self, targetIdx, executor);
    if (typeof spec === 'number') return spec;
    scheduler.assertCanBlock(L);
    const task = scheduler.current;
    let outcome: CallOutcome | null = null;
    const started = startCall(self, spec, (result) => {
      outcome = result;
      scheduler.wake(task);
    });
    if (!started.ok) return returnError(L, apiErrorToRuntime(started.error));
    const wait = (L1: LuaState): number =>
      outcome ? pushCallResult(L1, outcome) : scheduler.suspend(L1, wait);
    return wait(L);
  };

  /** funcs.async / executor:async: a Future now, its channel fed when the callee ends. */
  const async = (L: LuaState, targetIdx: number, executor: Executor): number => {
    const spec = readCall(L, self, targetIdx, executor);
    if (typeof spec === 'number') return spec;
    const future = pushFuture(L, self);
    const started = startCall(self, spec, (outcome) => future.complete(outcome));
    if (!started.ok) {
      lua.lua_pop(L, 1);
      return returnError(L, apiErrorToRuntime(started.error));
    }
    future.started(started.value);
    return 1;
  };

  const derive =
    (make: (L: LuaState, executor: Executor) => Executor): LuaFunction =>
    (L) => {
      executorType.push(L, make(L, executorType.check(L, 1)));
      return 1;
    };

  const executorMethods: Record<string, LuaFunction> = {
    async: (L) => async(L, 2, executorType.check(L, 1)),
    call: (L) => call(L, 2, executorType.check(L, 1)),
    with_actor: derive(withActor),
    with_context: derive(withContext),
    with_options: derive(withOptions),
    with_scope: derive(withScope),
  };

  const library: Record<string, LuaFunction> = {
    async: (L) => async(L, 1, EMPTY_EXECUTOR),
    call: (L) => call(L, 1, EMPTY_EXECUTOR),
    new(L) {
      executorType.push(L, EMPTY_EXECUTOR);
      return 1;
    },
  };

  return (L) => {
    executorType.register(L, { methods: executorMethods });
    registerFuture(L);
    lua.lua_newtable(L);
    setFunctions(L, library);
    return 1;
  };
}
