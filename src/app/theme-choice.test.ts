import { describe, expect, it } from 'vitest';
import { THEME_KEY, loadThemeChoice, resolveTheme, saveThemeChoice } from './theme-choice.ts';

function memory() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

describe('theme choice', () => {
  it('defaults to auto and round-trips a choice', () => {
    const store = memory();
    expect(loadThemeChoice(store)).toBe('auto');
    saveThemeChoice('light', store);
    expect(loadThemeChoice(store)).toBe('light');
    store.setItem(THEME_KEY, 'sepia');
    expect(loadThemeChoice(store)).toBe('auto');
  });

  it('resolves auto from the system and keeps an explicit choice', () => {
    expect(resolveTheme('auto', true)).toBe('light');
    expect(resolveTheme('auto', false)).toBe('dark');
    expect(resolveTheme('dark', true)).toBe('dark');
    expect(resolveTheme('light', false)).toBe('light');
  });
});
