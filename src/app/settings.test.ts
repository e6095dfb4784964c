import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from './settings.ts';

function memory() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

describe('settings', () => {
  it('defaults to auto transport, demo hosts on, the platform dialect and warning types', () => {
    expect(loadSettings(memory())).toEqual({
      transport: 'auto',
      demoHosts: true,
      dialect: 'wippy',
      typeCheck: 'warn',
    });
  });

  it('round-trips every field', () => {
    const store = memory();
    const chosen = {
      transport: 'relay',
      demoHosts: false,
      dialect: 'lua53',
      typeCheck: 'strict',
    } as const;
    saveSettings(chosen, store);
    expect(loadSettings(store)).toEqual(chosen);
  });

  it('falls back field by field on unknown values and on damaged JSON', () => {
    const store = memory();
    store.setItem(
      'lua-playground.settings.v2',
      '{"transport":"carrier-pigeon","demoHosts":false,"dialect":"lua54","typeCheck":"loud"}',
    );
    expect(loadSettings(store)).toEqual({ ...DEFAULT_SETTINGS, demoHosts: false });
    store.setItem('lua-playground.settings.v2', 'not json');
    expect(loadSettings(store)).toEqual(DEFAULT_SETTINGS);
    store.setItem('lua-playground.settings.v2', '[1,2]');
    expect(loadSettings(store)).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a v1 record: its transport and demo hosts kept, the dialect the product default', () => {
    const store = memory();
    store.setItem('lua-playground.settings.v1', '{"transport":"direct","demoHosts":false}');
    expect(loadSettings(store)).toEqual({
      transport: 'direct',
      demoHosts: false,
      dialect: 'wippy',
      typeCheck: 'warn',
    });
  });

  it('prefers v2 over v1 once saved', () => {
    const store = memory();
    store.setItem('lua-playground.settings.v1', '{"transport":"direct"}');
    saveSettings({ ...DEFAULT_SETTINGS, dialect: 'lua53' }, store);
    expect(loadSettings(store)).toEqual({ ...DEFAULT_SETTINGS, dialect: 'lua53' });
  });
});
