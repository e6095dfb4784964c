/**
 * Page settings kept in localStorage under versioned keys (STYLE habit 8): the transport
 * choice, the demo-hosts toggle, the Lua dialect and the type-check mode (scripts are
 * script-store.ts's, which also reads the old single draft). Storage is passed in so tests
 * and private windows (where it throws) behave.
 *
 * Versions:
 *   v2  `{transport, demoHosts, dialect, typeCheck}` (issues 17 and 18).
 *   v1  `{transport, demoHosts}`: read when there is no v2; its runs were Lua 5.3 only, but
 *       the reader gets the product default (`wippy`) like every other surface.
 */
import type { TransportMode } from '../shared/worker-protocol.ts';
import {
  DEFAULT_DIALECT,
  DEFAULT_TYPE_CHECK,
  parseDialect,
  parseTypeCheckMode,
} from '../shared/dialect.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';

const KEY = 'lua-playground.settings.v2';
const KEY_V1 = 'lua-playground.settings.v1';

export interface Settings {
  transport: TransportMode;
  demoHosts: boolean;
  /** The Lua a run speaks (src/shared/dialect.ts). */
  dialect: Dialect;
  /** What the type checker's diagnostics do to a run. */
  typeCheck: TypeCheckMode;
}

export const DEFAULT_SETTINGS: Settings = {
  transport: 'auto',
  demoHosts: true,
  dialect: DEFAULT_DIALECT,
  typeCheck: DEFAULT_TYPE_CHECK,
};

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readJson(store: StorageLike | null, key: string): Record<string, unknown> | null {
  const raw = JSON.parse(store?.getItem(key) ?? 'null') as unknown;
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : null;
}

/** Each field checked on its own: one bad value falls back alone, the others are kept. */
function fromRecord(raw: Record<string, unknown> | null): Settings {
  const transport = raw?.transport;
  return {
    transport:
      transport === 'relay' || transport === 'direct' || transport === 'auto' ? transport : 'auto',
    demoHosts: typeof raw?.demoHosts === 'boolean' ? raw.demoHosts : true,
    dialect: parseDialect(typeof raw?.dialect === 'string' ? raw.dialect : null) ?? DEFAULT_DIALECT,
    typeCheck:
      parseTypeCheckMode(typeof raw?.typeCheck === 'string' ? raw.typeCheck : null) ??
      DEFAULT_TYPE_CHECK,
  };
}

export function loadSettings(store: StorageLike | null = storage()): Settings {
  try {
    const v2 = readJson(store, KEY);
    if (v2) return fromRecord(v2);
    // A v1 record carries transport and demo hosts only; dialect and type check default.
    const v1 = readJson(store, KEY_V1);
    return fromRecord(v1 && { transport: v1.transport, demoHosts: v1.demoHosts });
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(settings: Settings, store: StorageLike | null = storage()): void {
  try {
    store?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage full or disabled: the setting lasts for this page only.
  }
}
