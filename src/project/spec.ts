/**
 * A project as the platform lays it out (wippyai/runtime `api/runtime/lua/config.go`,
 * `api/service/supervisor/config.go`): `_index.yaml` files, each a namespace of entries, beside
 * the Lua files they name. These are the entries the playground runs; every other kind is
 * kept out with a warning (src/project/project.ts reads them, in the page and in Node alike).
 */
export type LuaEntryKind = 'process.lua' | 'function.lua' | 'library.lua';

export interface LuaEntry {
  /** `namespace:name` */
  id: string;
  kind: LuaEntryKind;
  meta: Record<string, unknown>;
  /** The source file, relative to the project's root (chunk names and messages). */
  file: string;
  source: string;
  /** The function called (`main` when absent); unused for a library. */
  method: string;
  /** `modules:`: the platform modules bound as globals and `require`-able. */
  modules: string[];
  /** `imports:`: alias → library entry id, each run once per state and bound under its alias. */
  imports: Record<string, string>;
}

export interface HostEntry {
  id: string;
  kind: 'process.host' | 'terminal.host';
  meta: Record<string, unknown>;
}

export interface ServiceEntry {
  id: string;
  kind: 'process.service';
  meta: Record<string, unknown>;
  /** The process.lua entry it runs. */
  process: string;
  host: string;
  /** `input:` arguments for the process's main. */
  input: unknown[];
  autoStart: boolean;
  /** `requires:` other entries started first. */
  requires: string[];
  restart: {
    /** 0 = forever */
    maxAttempts: number;
    initialDelayMs: number;
    stableThresholdMs: number;
  };
}

export type Entry = LuaEntry | HostEntry | ServiceEntry;

export interface Project {
  entries: Map<string, Entry>;
  /** Errors that kept a file or an entry out (bad YAML, a missing source). */
  problems: string[];
  /** What is read but not emulated (other kinds, `lifecycle` on a process.lua…). */
  warnings: string[];
}

/** The id of the entry a lone script becomes, and the hosts it is given. */
export const IMPLICIT_ENTRY = 'app:main';
export const PROCESS_HOST = 'app:processes';
export const TERMINAL_HOST = 'app:terminal';
