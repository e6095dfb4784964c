/**
 * The `process` module (wippyai/runtime runtime/lua/modules/process/module.go): identity,
 * send, the spawn family, exec, terminate and cancel, monitors and links, options, the inbox,
 * events and topic channels, the name registry and spawners. Failures are returned as
 * `nil, err` with the platform's kinds and texts; argument type errors are raised. Everything
 * crossing to another process is copied here, at the call (src/process/payload-copy.ts).
 */
import {
  checkText,
  lauxlib,
  lua,
  luaString,
  pushText,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { markImmutable } from '../../lua/immutable.ts';
import { isWippy } from '../../lua/dialect.ts';
import { channelType } from '../channel.ts';
import { returnError, returnFalse, runtimeError } from '../errors.ts';
import { warn } from '../../warnings.ts';
import { copyOut, pushCopied } from '../../../process/payload-copy.ts';
import type { ApiError, Copied, ExitResult, ProcessSelf, Result } from '../../../process/types.ts';
import { registerMessage } from './message.ts';
import { registerPayload } from './payload.ts';
import { registryFunctions } from './registry.ts';
import { spawnerLibrary, type SpawnMode } from './spawner.ts';

export const EVENT_KINDS = { CANCEL: 'pid.cancel', EXIT: 'pid.exit', LINK_DOWN: 'pid.link.down' };

/** `nil, err` for a failed node call, or the value pushed by `push`. */
export function returnResult<T>(
  L: LuaState,
  result: Result<T>,
  push: (value: T) => void,
  failValue: 'nil' | 'false' = 'nil',
): number {
  if (!result.ok) return returnApiError(L, result.error, failValue);
  push(result.value);
  return 1;
}

export function returnApiError(
  L: LuaState,
  error: ApiError,
  failValue: 'nil' | 'false' = 'nil',
): number {
  const err = runtimeError(error.kind, error.message);
  return failValue === 'nil' ? returnError(L, err) : returnFalse(L, err);
}

/** Copies the values from `first` to the top, warning for what cannot cross. */
export function copyArgs(L: LuaState, first: number, what: string): Copied[] {
  const values: Copied[] = [];
  for (let i = first; i <= lua.lua_gettop(L); i++) {
    values.push(
      copyOut(L, i, (lost) =>
        warn(L, `${what}: ${lost} cannot cross to another process; it arrives as nil`),
      ),
    );
  }
  return values;
}

/** Park the calling task until `pid` ends, then push what exec returns: value, or nil, err. */
export function waitForExit(
  self: ProcessSelf,
  L: LuaState,
  watch: (done: (result: ExitResult) => void) => boolean,
  onResult: (L: LuaState, result: ExitResult) => number,
): number {
  const task = self.scheduler.current;
  self.scheduler.assertCanBlock(L);
  let ended: ExitResult | null = null;
  const release = self.hold();
  const watching = watch((result) => {
    ended = result;
    // Wake first: released before, the process would look deadlocked (funcs/module.ts too).
    self.scheduler.wake(task);
    release();
  });
  if (!watching) release();
  const resume = (L1: LuaState): number => {
    if (ended) return onResult(L1, ended);
    if (!watching) return onResult(L1, { value: null, error: null });
    return self.scheduler.suspend(L1, resume);
  };
  return self.scheduler.suspend(L, resume);
}

/**
 * `process.exec(id, host, ...)` and `spawner:exec(id, host, ...)` (arguments from `first`):
 * starts the entry like `spawn`, under `context` when a spawner gives one, and parks the
 * calling task until it ends; returns its first value, or nil and its error.
 */
export function execEntry(
  self: ProcessSelf,
  L: LuaState,
  first: number,
  context?: Map<string, Copied>,
): number {
  if (lua.lua_gettop(L) < first + 1)
    return returnApiError(L, {
      kind: 'INVALID',
      message: 'exec requires id and host arguments',
    });
  const id = checkText(L, first);
  const host = checkText(L, first + 1);
  if (id === '') return returnApiError(L, { kind: 'INVALID', message: 'process ID required' });
  if (!/^[^:]+:[^:]+$/.test(id))
    return returnApiError(L, {
      kind: 'INVALID',
      message: 'invalid process ID format (namespace:name required)',
    });
  if (host === '') return returnApiError(L, { kind: 'INVALID', message: 'host ID required' });
  const args = copyArgs(L, first + 2, 'process.exec');
  const spawned = self.node.spawn({
    entryId: id,
    host,
    args,
    parent: self.pid,
    monitor: false,
    link: false,
    context,
  });
  if (!spawned.ok) return returnApiError(L, spawned.error);
  return waitForExit(
    self,
    L,
    (done) => self.node.onExit(spawned.value, done),
    (L1, result) => {
      if (result.error !== null) {
        lua.lua_pushnil(L1);
        pushCopied(L1, result.error);
        return 2;
      }
      pushCopied(L1, result.value);
      return 1;
    },
  );
}

export function openProcess(self: ProcessSelf): LuaFunction {
  const node = self.node;
  const pushTrue = (L: LuaState) => () => lua.lua_pushboolean(L, true);
  const spawner = spawnerLibrary(self);

  /** A destination-taking call: `name(dest)` with the platform's "requires" message. */
  const destinationCall =
    (name: string, call: (dest: string) => Result<true>): LuaFunction =>
    (L) => {
      if (lua.lua_gettop(L) < 1 || lua.lua_isnil(L, 1))
        return returnApiError(L, {
          kind: 'INVALID',
          message: `${name} requires a destination argument`,
        });
      return returnResult(L, call(checkText(L, 1)), pushTrue(L));
    };

  const spawnWith =
    (mode: SpawnMode): LuaFunction =>
    (L) =>
      spawner.spawn(L, mode, spawner.plain(), 1);

  const functions: Record<string, LuaFunction> = {
    pid(L) {
      pushText(L, self.pid);
      return 1;
    },
    id(L) {
      pushText(L, self.entryId);
      return 1;
    },
    send(L) {
      if (lua.lua_gettop(L) < 2)
        return returnApiError(L, {
          kind: 'INVALID',
          message: 'send requires at least destination and topic arguments',
        });
      const dest = checkText(L, 1);
      const topic = checkText(L, 2);
      if (topic.startsWith('@'))
        return returnApiError(L, { kind: 'INVALID', message: 'cannot send to @ topics' });
      const payloads = copyArgs(L, 3, 'process.send');
      return returnResult(L, node.send(self.pid, dest, topic, payloads), pushTrue(L));
    },
    spawn: spawnWith('plain'),
    spawn_monitored: spawnWith('monitored'),
    spawn_linked: spawnWith('linked'),
    spawn_linked_monitored: spawnWith('linked_monitored'),
    exec: (L) => execEntry(self, L, 1),
    terminate: destinationCall('terminate', (dest) => node.terminate(self.pid, dest)),
    cancel(L) {
      if (lua.lua_gettop(L) < 1 || lua.lua_isnil(L, 1))
        return returnApiError(L, {
          kind: 'INVALID',
          message: 'cancel requires at least destination argument',
        });
      const dest = checkText(L, 1);
      let reason = '';
      if (lua.lua_type(L, 2) === lua.LUA_TSTRING) reason = checkText(L, 2);
      else if (!lua.lua_isnoneornil(L, 2))
        warn(L, 'process.cancel: the second argument is a reason string; a deadline is not used');
      return returnResult(L, node.cancel(self.pid, dest, reason), pushTrue(L));
    },
    monitor: destinationCall('monitor', (dest) => node.monitor(self.pid, dest, true)),
    unmonitor: destinationCall('unmonitor', (dest) => node.monitor(self.pid, dest, false)),
    link: destinationCall('link', (dest) => node.link(self.pid, dest, true)),
    unlink: destinationCall('unlink', (dest) => node.link(self.pid, dest, false)),
    get_options(L) {
      lua.lua_createtable(L, 0, 1);
      lua.lua_pushboolean(L, self.options.trapLinks);
      lua.lua_setfield(L, -2, luaString('trap_links'));
      return 1;
    },
    set_options(L) {
      if (lua.lua_type(L, 1) !== lua.LUA_TTABLE)
        return returnApiError(
          L,
          { kind: 'INVALID', message: 'options parameter must be a table' },
          'false',
        );
      let trapLinks = self.options.trapLinks;
      lua.lua_pushnil(L);
      while (lua.lua_next(L, 1) !== 0) {
        const key = lua.lua_type(L, -2) === lua.LUA_TSTRING ? checkText(L, -2) : '?';
        let problem: string | null = null;
        if (key === 'trap_links') {
          if (lua.lua_type(L, -1) !== lua.LUA_TBOOLEAN) problem = 'trap_links must be a boolean';
          else trapLinks = lua.lua_toboolean(L, -1);
        } else problem = `option ${key} is not supported`;
        if (problem) {
          lua.lua_pop(L, 2);
          return returnApiError(L, { kind: 'INVALID', message: problem }, 'false');
        }
        lua.lua_pop(L, 1);
      }
      self.options.trapLinks = trapLinks;
      lua.lua_pushboolean(L, true);
      return 1;
    },
    inbox(L) {
      self.inbox(L);
      return 1;
    },
    events(L) {
      self.events(L);
      return 1;
    },
    listen(L) {
      const topic = checkText(L, 1);
      if (topic === '')
        return returnApiError(L, { kind: 'INVALID', message: 'topic cannot be empty' });
      if (topic.startsWith('@'))
        return returnApiError(L, { kind: 'INVALID', message: 'cannot listen to @ topics' });
      let asMessage = false;
      if (lua.lua_type(L, 2) === lua.LUA_TTABLE) {
        lua.lua_getfield(L, 2, luaString('message'));
        asMessage = lua.lua_type(L, -1) === lua.LUA_TBOOLEAN && lua.lua_toboolean(L, -1);
        lua.lua_pop(L, 1);
      }
      self.listen(L, topic, asMessage);
      return 1;
    },
    unlisten(L) {
      const channel = channelType.to(L, 1);
      if (!channel) lauxlib.luaL_argerror(L, 1, luaString('channel expected'));
      if (self.unlisten(channel!)) {
        lua.lua_pushboolean(L, true);
        return 1;
      }
      return returnFalse(L, runtimeError('NOT_FOUND', 'unsubscribe: channel not found'));
    },
    upgrade(L) {
      // module.go upgrade: a string names the new definition; anything else keeps this one.
      const id = lua.lua_type(L, 1) === lua.LUA_TSTRING ? checkText(L, 1) : '';
      const args = copyArgs(L, 2, 'process.upgrade');
      self.scheduler.assertCanBlock(L);
      self.node.upgrade(self.pid, id === '' ? null : id, args);
      // Never resumed: the node has stopped this code, and new code runs under the same pid.
      return self.scheduler.suspend(L, () => 0);
    },
    with_context: (L) => spawner.withContext(L, spawner.plain(), 1),
    with_options: (L) => spawner.withOptions(L, spawner.plain(), 1),
  };

  return (L) => {
    registerMessage(L);
    registerPayload(L);
    spawner.register(L);
    lua.lua_newtable(L);
    setFunctions(L, functions);
    lua.lua_createtable(L, 0, 3);
    for (const [name, value] of Object.entries(EVENT_KINDS)) {
      pushText(L, value);
      lua.lua_setfield(L, -2, luaString(name));
    }
    if (isWippy(L)) markImmutable(L, -1);
    lua.lua_setfield(L, -2, luaString('event'));
    lua.lua_newtable(L);
    setFunctions(L, registryFunctions(self));
    for (const [name, value] of [
      ['LOCAL', 0],
      ['EVENTUAL', 1],
      ['CONSISTENT', 2],
      ['STRONG', 3],
    ] as const) {
      lua.lua_pushinteger(L, value);
      lua.lua_setfield(L, -2, luaString(name));
    }
    lua.lua_setfield(L, -2, luaString('registry'));
    return 1;
  };
}
