import { describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from './settings.ts';

function memory() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

describe('settings', () => {
  it('defaults to auto transport with demo hosts on', () => {
    expect(loadSettings(memory())).toEqual({ transport: 'auto', demoHosts: true });
  });

  it('round-trips and ignores unknown values', () => {
    const store = memory();
    saveSettings({ transport: 'relay', demoHosts: false }, store);
    expect(loadSettings(store)).toEqual({ transport: 'relay', demoHosts: false });
    store.setItem('lua-playground.settings.v1', '{"transport":"carrier-pigeon"}');
    expect(loadSettings(store)).toEqual({ transport: 'auto', demoHosts: true });
    store.setItem('lua-playground.settings.v1', 'not json');
    expect(loadSettings(store)).toEqual({ transport: 'auto', demoHosts: true });
  });
});
