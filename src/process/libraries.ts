/**
 * Which of the runtime's modules a process's state gets, and how. On the platform
 * (runtime/lua/engine/process_factory.go, loadlib.go) an entry's `modules:` are bound as globals
 * and `require` only looks a global up, so an undeclared module fails with
 * `module 'json' not found`; the core (`channel`, `payload`, `process`, `errors`, `os`, `print`)
 * is always there. A lone script keeps the playground's convenience: the original page's
 * modules are preset globals, the rest `require`-able.
 */
import type { LuaFunction, LuaState } from '../runtime/lua/api.ts';
import { lua, lauxlib, luaString } from '../runtime/lua/api.ts';
import { makeReadOnly } from '../runtime/lua/readonly.ts';
import { isWippy } from '../runtime/lua/dialect.ts';
import { openErrors } from '../runtime/modules/errors.ts';
import { openJson } from '../runtime/modules/json.ts';
import { openTime } from '../runtime/modules/time.ts';
import { openWebsocket } from '../runtime/modules/websocket/index.ts';
import { openBase64 } from '../runtime/modules/base64.ts';
import { openUuid } from '../runtime/modules/uuid/module.ts';
import { openHash } from '../runtime/modules/hash/module.ts';
import { openProcess } from '../runtime/modules/process/module.ts';
import { processModules } from './process-modules.ts';
import { openTerminalIo, type TerminalHost } from '../runtime/modules/terminal-io.ts';
import { openLogger } from '../runtime/modules/logger.ts';
import type { LuaProcess } from './lua-process.ts';
import type { RunConfig } from './run-config.ts';
import type { Dialect } from '../shared/dialect.ts';

/** Globals in every process state, as the platform's core binders give them. */
export const CORE_MODULES = ['errors', 'channel', 'process', 'payload'];
/**
 * A lone script's preset globals: the core every entry has (payload.md: "Global namespace. No
 * require needed"), and what the original page's examples use bare.
 */
export const SCRIPT_GLOBALS = [...CORE_MODULES, 'time', 'json', 'websocket'];

export interface LibrarySet {
  /** Modules bound as globals (and in package.loaded). */
  globals: string[];
  /** Modules `require` opens on first use, without a global. */
  onRequire: string[];
}

/** The platform's own small modules, which a lone lua53 script does not get. */
const WIPPY_ONLY = ['base64', 'uuid', 'hash'];

export function scriptLibraries(dialect: Dialect): LibrarySet {
  const onRequire = Object.keys(MODULE_NAMES).filter(
    (name) => !SCRIPT_GLOBALS.includes(name) && (dialect === 'wippy' || !WIPPY_ONLY.includes(name)),
  );
  return { globals: SCRIPT_GLOBALS, onRequire };
}

/** An entry's libraries: the core and its `modules:`; unknown names are reported. */
export function entryLibraries(modules: string[]): { set: LibrarySet; unknown: string[] } {
  const known = modules.filter((name) => name in MODULE_NAMES);
  const unknown = modules.filter((name) => !(name in MODULE_NAMES));
  const globals = [...new Set([...CORE_MODULES, ...known])];
  return { set: { globals, onRequire: [] }, unknown };
}

/** Every module the playground has, by the name `modules:` and `require` use. */
const MODULE_NAMES: Record<string, true> = {
  errors: true,
  channel: true,
  // The runtime's `os` (time functions) is the standard library's global here.
  os: true,
  time: true,
  json: true,
  websocket: true,
  process: true,
  payload: true,
  base64: true,
  uuid: true,
  hash: true,
  io: true,
  logger: true,
  ...Object.fromEntries(Object.keys(processModules).map((name) => [name, true])),
};

export type ProcessWrite = (text: string, newline: boolean, stream?: 'stdout' | 'stderr') => void;

/** The terminal a process on a terminal host reads and writes: the run's console. */
function terminalHost(self: LuaProcess, config: RunConfig, write: ProcessWrite): TerminalHost {
  const input = config.terminalInput;
  const reader = { scheduler: self.scheduler, pid: self.pid, entryId: self.entryId };
  return {
    write,
    readline: (L) => input.readline(L, reader),
    read: (L, size) => input.read(L, reader, size),
    args: config.terminalArgs,
  };
}

/**
 * Opens `set.globals` as globals (those in `only`, when given); returns the openers of
 * `set.onRequire`, for `require` to open on first use.
 */
export function openLibraries(
  L: LuaState,
  self: LuaProcess,
  config: RunConfig,
  set: LibrarySet,
  write: ProcessWrite,
  only?: string[],
): Record<string, LuaFunction> {
  const openers = moduleOpeners(self, config, write);
  for (const name of set.globals) {
    if (only && !only.includes(name)) continue;
    const open = openers[name]?.();
    if (!open) continue;
    lauxlib.luaL_requiref(
      L,
      luaString(name),
      (L1: LuaState) => {
        open(L1);
        if (name !== 'websocket' || isWippy(L1)) makeReadOnly(L1, name);
        return 1;
      },
      1,
    );
    lua.lua_pop(L, 1);
  }
  return Object.fromEntries(
    set.onRequire
      .filter((name) => openers[name])
      .map((name) => [name, (L1: LuaState) => openers[name]!()(L1)]),
  );
}

/** Globals the wippy dialect's base removes (go-lua has no `io`) that a module may bring back. */
export const REMOVED_BY_DIALECT = ['io'];

/**
 * Each module's opener, made only when asked for: an entry opens a few modules, and making
 * every opener (the websocket library's, the time library's…) for each spawn costs more than
 * opening them.
 */
function moduleOpeners(
  self: LuaProcess,
  config: RunConfig,
  write: ProcessWrite,
): Record<string, () => LuaFunction> {
  const extra = Object.fromEntries(
    Object.entries(processModules).map(([name, make]) => [name, () => make(self, write)]),
  );
  return {
    errors: () => openErrors,
    channel: () => self.channels.open,
    time: () => openTime(self.scheduler, self.channels, self.timers),
    json: () => openJson,
    websocket: () =>
      openWebsocket({
        scheduler: self.scheduler,
        timers: self.timers,
        channels: self.channels,
        observer: config.observer,
        policy: config.policy,
        demoHosts: config.demoHosts,
        transport: config.transport,
        connections: self.connections,
        connectionEnded: () => self.poke(),
        now: () => config.clock.now(),
        ended: () => self.ended,
        nextConnectionId: config.nextConnectionId,
      }),
    process: () => openProcess(self),
    base64: () => openBase64,
    uuid: () => openUuid,
    hash: () => openHash,
    io: () => openTerminalIo(self.terminal ? terminalHost(self, config, write) : null),
    logger: () =>
      openLogger((line, level) => write(line, true, level === 'error' ? 'stderr' : 'stdout'), {
        pid: self.pid,
      }),
    ...extra,
  };
}
