/**
 * Page settings kept in localStorage under versioned keys (STYLE habit 8): the transport
 * choice, the demo-hosts toggle, and the last code draft. Storage is passed in so tests and
 * private windows (where it throws) behave.
 */
import type { TransportMode } from '../shared/worker-protocol.ts';

const KEY = 'lua-playground.settings.v1';
const DRAFT_KEY = 'lua-playground.draft.v1';

export interface Settings {
  transport: TransportMode;
  demoHosts: boolean;
}

export const DEFAULT_SETTINGS: Settings = { transport: 'auto', demoHosts: true };

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadSettings(store: StorageLike | null = storage()): Settings {
  try {
    const raw = JSON.parse(store?.getItem(KEY) ?? 'null') as Partial<Settings> | null;
    const transport = raw?.transport;
    return {
      transport:
        transport === 'relay' || transport === 'direct' || transport === 'auto'
          ? transport
          : 'auto',
      demoHosts: typeof raw?.demoHosts === 'boolean' ? raw.demoHosts : true,
    };
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

export function loadDraft(store: StorageLike | null = storage()): string | null {
  try {
    return store?.getItem(DRAFT_KEY) ?? null;
  } catch {
    return null;
  }
}

export function saveDraft(code: string, store: StorageLike | null = storage()): void {
  try {
    store?.setItem(DRAFT_KEY, code);
  } catch {
    // As above.
  }
}
