/**
 * Side-panel tabs, a WAI-ARIA tablist (roving-tabs.ts: arrow keys, Home, End). Every panel
 * stays mounted (filters, scroll and drafts survive a switch).
 */
import type { ReactNode } from 'react';
import { tabListKeyDown } from './roving-tabs.ts';

export interface TabDef {
  id: string;
  label: string;
  badge?: number | string;
  badgeTone?: 'info' | 'alert';
  content: ReactNode;
}

export function Tabs({
  tabs,
  active,
  onSelect,
}: {
  tabs: TabDef[];
  active: string;
  onSelect(id: string): void;
}) {
  const ids = tabs.map((t) => t.id);
  return (
    <div className="tabs">
      <div
        className="tab-list"
        role="tablist"
        aria-label="Side panels"
        onKeyDown={tabListKeyDown(ids, active, onSelect)}
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            data-tab-id={t.id}
            aria-selected={active === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={active === t.id ? 0 : -1}
            className={`tab ${active === t.id ? 'is-active' : ''}`}
            onClick={() => onSelect(t.id)}
            data-testid={`tab.${t.id}`}
          >
            {t.label}
            {t.badge !== undefined && t.badge !== 0 && (
              <span className={`tab-badge tone-${t.badgeTone ?? 'info'}`}>{t.badge}</span>
            )}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`tabpanel-${t.id}`}
          aria-labelledby={`tab-${t.id}`}
          className="tab-panel"
          hidden={active !== t.id}
        >
          {t.content}
        </div>
      ))}
    </div>
  );
}
