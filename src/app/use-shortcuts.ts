/**
 * The page's keys, wherever the focus is: Ctrl/Cmd+Enter runs, Ctrl/Cmd+. stops, `?` opens
 * the shortcuts sheet (not while typing in a field or the editor, where `?` is a character).
 * The editor binds Run and Stop itself and marks the event handled (defaultPrevented), so a
 * key pressed there acts once.
 */
import { useEffect, useRef } from 'react';

export interface ShortcutActions {
  run(): void;
  stop(): void;
  showShortcuts(): void;
}

/** Whether a key typed at `target` is text for it (a field, a select, the editor). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('.monaco-editor, [contenteditable="true"]')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(actions: ShortcutActions, enabled = true): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && e.key === 'Enter') {
        e.preventDefault();
        latest.current.run();
      } else if (mod && !e.altKey && e.key === '.') {
        e.preventDefault();
        latest.current.stop();
      } else if (e.key === '?' && !mod && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        latest.current.showShortcuts();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
