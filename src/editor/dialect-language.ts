/**
 * Highlighting of the platform's typed Lua (wippyai/go-lua `compiler/parse`): its reserved words
 * (`interface as asserts readonly is typeof keyof extends fun`), the statement word `type`
 * (not reserved: only `type Name` at a statement's start), built-in type names after `:`, `::`,
 * `as` and `->`, the arrows and marks (`->`, `::`, `?`, `!`) and validators (`@min(0)`).
 *
 * The rules are Lua 5.3's (lua-language.ts) with the dialect's in front, so a script in the
 * `lua53` dialect highlights exactly as before (dialect-providers.ts swaps the tokenizer).
 */
import type { languages } from 'monaco-editor/editor/editor.api';
import { LUA_KEYWORDS, luaMonarch } from './lua-language.ts';

/** The dialect's new reserved words (platform-lua.md §7). */
export const DIALECT_KEYWORDS = [
  'interface',
  'as',
  'asserts',
  'readonly',
  'is',
  'typeof',
  'keyof',
  'extends',
  'fun',
];

/** Type names every script can write; completions offer them, highlighting marks them. */
export const BUILTIN_TYPE_NAMES = [
  'any',
  'boolean',
  'error',
  'integer',
  'never',
  'nil',
  'number',
  'string',
  'table',
  'unknown',
];

type Rule = languages.IMonarchLanguageRule;

const TYPE_WORDS = BUILTIN_TYPE_NAMES.join('|');

/** Rules tried before Lua's own: each matches only syntax plain Lua does not have. */
const DIALECT_RULES: Rule[] = [
  // `type Name` at the start of a statement declares an alias (`type` is not reserved).
  [/^(\s*)(type)(\s+)([A-Za-z_]\w*)/, ['', 'keyword', '', 'type.identifier']],
  [/(->|::)(\s*)/, ['operator', '']],
  [/@[A-Za-z_]\w*/, 'attribute.name'],
  // A built-in type name right after an annotation colon, cast or arrow.
  [new RegExp(`(:)(\\s*)(${TYPE_WORDS})\\b`), ['delimiter', '', 'type']],
  [new RegExp(`(\\bas\\s+)(${TYPE_WORDS})\\b`), ['keyword', 'type']],
  [
    new RegExp(`([|&]\\s*)(${TYPE_WORDS})(\\??)(?=\\s*[,)=|&\\n]|\\s*$)`),
    ['operator', 'type', 'operator'],
  ],
];

export function wippyMonarch(libraryNames: string[]): languages.IMonarchLanguage {
  const base = luaMonarch(libraryNames) as languages.IMonarchLanguage & {
    keywords: string[];
    tokenizer: Record<string, Rule[]>;
  };
  return {
    ...base,
    keywords: [...LUA_KEYWORDS, ...DIALECT_KEYWORDS],
    tokenizer: { ...base.tokenizer, root: [...DIALECT_RULES, ...base.tokenizer.root] },
  };
}
