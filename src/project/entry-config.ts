/**
 * One `_index.yaml` entry, validated as the platform validates it:
 * `function.lua`/`process.lua`/`library.lua` as wippyai/runtime `api/runtime/lua/config.go`
 * (source required; a function's method required, a process's defaulting to `main` as
 * `runtime/lua/component/process/manager.go:262` does; import aliases and names non-empty;
 * module names without a namespace), `process.service` as `api/service/supervisor/config.go`
 * with the lifecycle defaults of `api/supervisor/config.go` InitDefaults. Messages are the
 * platform's own error texts, prefixed with the entry's id.
 */
import type { Entry, HostEntry, LuaEntry, LuaEntryKind, ServiceEntry } from './spec.ts';
import { parseGoDuration } from '../runtime/duration.ts';

/** What reading an entry needs from the index file around it. */
export interface EntryContext {
  namespace: string;
  /** The `_index.yaml` path, for messages. */
  indexPath: string;
  /** `source:` → the file and text, or a problem message. */
  readSource(spec: string): { file: string; text: string } | { problem: string };
  problems: string[];
  warnings: string[];
}

const LUA_KINDS: readonly string[] = ['process.lua', 'function.lua', 'library.lua'];
const HOST_KINDS: readonly string[] = ['process.host', 'terminal.host'];
/** `topology.ControlHost`: the supervisor's own host, refused as a service's host. */
const CONTROL_HOST = 'node:control';

/** The lifecycle defaults (`InitDefaults`): 1 s restart delay, 5 s stable threshold. */
const DEFAULT_INITIAL_DELAY_MS = 1000;
const DEFAULT_STABLE_THRESHOLD_MS = 5000;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `name` or `ns:name` → `ns:name`, the entry's namespace by default (`ID.WithDefaultNS`). */
export function qualifyId(id: string, namespace: string): string {
  return id.includes(':') ? id : `${namespace}:${id}`;
}

/** The entry, or null when it is kept out (a problem or a warning says why). */
export function readEntry(raw: unknown, context: EntryContext): Entry | null {
  const where = context.indexPath;
  if (!isRecord(raw)) {
    context.problems.push(`${where}: an entry that is not a mapping`);
    return null;
  }
  if (typeof raw.name !== 'string' || raw.name === '') {
    context.problems.push(`${where}: an entry without a name`);
    return null;
  }
  const id = `${context.namespace}:${raw.name}`;
  if (typeof raw.kind !== 'string' || raw.kind === '') {
    context.problems.push(`${where}: ${id}: kind is required`);
    return null;
  }
  const meta = isRecord(raw.meta) ? raw.meta : {};
  if (LUA_KINDS.includes(raw.kind))
    return readLuaEntry(raw, id, raw.kind as LuaEntryKind, meta, context);
  if (HOST_KINDS.includes(raw.kind))
    return { id, kind: raw.kind as HostEntry['kind'], meta } satisfies HostEntry;
  if (raw.kind === 'process.service') return readService(raw, id, meta, context);
  context.warnings.push(`${where}: ${id}: kind ${raw.kind} is not emulated in the playground`);
  return null;
}

function readLuaEntry(
  raw: Record<string, unknown>,
  id: string,
  kind: LuaEntryKind,
  meta: Record<string, unknown>,
  context: EntryContext,
): LuaEntry | null {
  const fail = (message: string) => {
    context.problems.push(`${context.indexPath}: ${id}: ${message}`);
    return null;
  };
  if (typeof raw.source !== 'string' || raw.source === '') return fail('source is required');
  let method = typeof raw.method === 'string' ? raw.method : '';
  if (kind === 'function.lua' && method === '') return fail('method is required');
  if (method === '') method = 'main';
  if (kind === 'function.lua') {
    const poolProblem = checkPool(raw.pool);
    if (poolProblem) return fail(poolProblem);
  }
  const imports: Record<string, string> = {};
  if (raw.imports !== undefined && raw.imports !== null) {
    if (!isRecord(raw.imports)) return fail('imports must be a mapping of alias to entry id');
    for (const [alias, target] of Object.entries(raw.imports)) {
      if (alias === '') return fail('import alias cannot be empty');
      if (typeof target !== 'string') return fail(`import ${alias} must be an entry id`);
      const name = target.includes(':') ? target.slice(target.indexOf(':') + 1) : target;
      if (name === '') return fail('import :name cannot be empty');
      imports[alias] = qualifyId(target, context.namespace);
    }
  }
  const modules: string[] = [];
  if (raw.modules !== undefined && raw.modules !== null) {
    if (!Array.isArray(raw.modules)) return fail('modules must be a list of module names');
    for (const module of raw.modules) {
      if (typeof module !== 'string' || module === '') return fail('module cannot be empty');
      if (module.includes(':') && module.slice(0, module.indexOf(':')) !== '')
        return fail('module cannot have a namespace');
      modules.push(module.includes(':') ? module.slice(module.indexOf(':') + 1) : module);
    }
  }
  if (kind === 'process.lua' && raw.lifecycle !== undefined)
    context.warnings.push(
      `${context.indexPath}: ${id}: lifecycle on a process.lua is ignored (the runtime reads it only on services and hosts)`,
    );
  const source = context.readSource(raw.source);
  if ('problem' in source) return fail(source.problem);
  return { id, kind, meta, file: source.file, source: source.text, method, modules, imports };
}

/** FunctionConfig.Validate's pool rules (the pool itself is not emulated). */
function checkPool(pool: unknown): string | null {
  if (!isRecord(pool)) return null;
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const workers = num(pool.workers);
  const size = num(pool.size);
  const isFlexPool = workers === 0 && (size === 0 || num(pool.max_size) > 0);
  if (!isFlexPool && size <= 0) return 'pool.size must be greater than 0 for non-flex pools';
  if (workers > 0 && size <= 0) return 'pool.size must be greater than 0 for worker pools';
  return null;
}

function readService(
  raw: Record<string, unknown>,
  id: string,
  meta: Record<string, unknown>,
  context: EntryContext,
): ServiceEntry | null {
  const fail = (message: string) => {
    context.problems.push(`${context.indexPath}: ${id}: ${message}`);
    return null;
  };
  const process = typeof raw.process === 'string' ? raw.process : '';
  const processName = process.includes(':') ? process.slice(process.indexOf(':') + 1) : process;
  if (processName === '') return fail('process is required');
  const host = typeof raw.host === 'string' ? raw.host : '';
  if (host === '') return fail('host is required');
  if (host === CONTROL_HOST) return fail(`invalid host: ${host}`);
  const lifecycle = isRecord(raw.lifecycle) ? raw.lifecycle : {};
  const restart = isRecord(lifecycle.restart) ? lifecycle.restart : {};
  const duration = (value: unknown, name: string, fallback: number): number | string => {
    if (value === undefined || value === null || value === '') return fallback;
    if (typeof value !== 'string') return `${name}: a duration such as "1s" (got ${String(value)})`;
    const parsed = parseGoDuration(value);
    if (!parsed.ok) return `${name}: time: invalid duration "${value}"`;
    // InitDefaults replaces a zero duration by the default.
    return parsed.ms === 0 ? fallback : parsed.ms;
  };
  const initialDelay = duration(
    restart.initial_delay,
    'restart.initial_delay',
    DEFAULT_INITIAL_DELAY_MS,
  );
  if (typeof initialDelay === 'string') return fail(initialDelay);
  const stable = duration(
    lifecycle.stable_threshold,
    'stable_threshold',
    DEFAULT_STABLE_THRESHOLD_MS,
  );
  if (typeof stable === 'string') return fail(stable);
  const maxAttempts = restart.max_attempts ?? 0;
  if (typeof maxAttempts !== 'number' || !Number.isInteger(maxAttempts))
    return fail('restart.max_attempts must be an integer');
  // RequiredServices: requires, then the legacy depends_on, without repeats.
  const requires: string[] = [];
  for (const list of [lifecycle.requires, lifecycle.depends_on])
    if (Array.isArray(list))
      for (const dep of list)
        if (typeof dep === 'string') {
          const qualified = qualifyId(dep, context.namespace);
          if (!requires.includes(qualified)) requires.push(qualified);
        }
  return {
    id,
    kind: 'process.service',
    meta,
    process: qualifyId(process, context.namespace),
    host,
    input: Array.isArray(raw.input) ? raw.input : [],
    autoStart: lifecycle.auto_start === true,
    requires,
    restart: { maxAttempts, initialDelayMs: initialDelay, stableThresholdMs: stable },
  };
}
