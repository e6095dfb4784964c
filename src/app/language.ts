/**
 * The page's language choice: which Lua a run speaks and what type diagnostics do to it. It
 * starts from the permalink when the page was opened from one (a link runs the same for
 * everyone: what it leaves out is the product default, not the reader's saved setting; see
 * permalink.ts), else from the saved settings. Pure, so the rule is tested without a page.
 */
import { DEFAULT_DIALECT, DEFAULT_TYPE_CHECK } from '../shared/dialect.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';
import type { Permalink } from './permalink.ts';

export { DIALECT_SHORT_NAMES } from '../shared/dialect-names.ts';

export interface Language {
  dialect: Dialect;
  typeCheck: TypeCheckMode;
}

export function initialLanguage(saved: Language, link: Permalink | null): Language {
  if (!link) return { dialect: saved.dialect, typeCheck: saved.typeCheck };
  return {
    dialect: link.dialect ?? DEFAULT_DIALECT,
    typeCheck: link.typeCheck ?? DEFAULT_TYPE_CHECK,
  };
}

export const TYPE_CHECK_NAMES: Record<TypeCheckMode, string> = {
  off: 'Off',
  warn: 'Warn',
  strict: 'Strict',
};
