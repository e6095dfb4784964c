/**
 * The page's theme: the saved choice, resolved against the system setting, applied to the
 * document as `data-theme` (theme.css and theme-light.css key their colours on it) and to
 * the browser's own controls through `color-scheme`.
 */
import { useCallback, useEffect, useState } from 'react';
import { useMediaQuery } from './use-media-query.ts';
import { setPageTheme } from '../editor/page-theme.ts';
import {
  LIGHT_QUERY,
  loadThemeChoice,
  resolveTheme,
  saveThemeChoice,
  type ThemeChoice,
} from './theme-choice.ts';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** `persist: false` (the embed view) follows the system and never writes the choice. */
export function useTheme(persist = true) {
  const [choice, setChoiceState] = useState<ThemeChoice>(() =>
    persist ? loadThemeChoice(storage()) : 'auto',
  );
  const prefersLight = useMediaQuery(LIGHT_QUERY);
  const resolved = resolveTheme(choice, prefersLight);
  // Before any editor is created in this render's effects (Monaco's theme is global).
  setPageTheme(resolved);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = resolved;
    root.style.colorScheme = resolved;
  }, [resolved]);

  const setChoice = useCallback(
    (next: ThemeChoice) => {
      setChoiceState(next);
      if (persist) saveThemeChoice(next, storage());
    },
    [persist],
  );

  return { choice, resolved, setChoice };
}
