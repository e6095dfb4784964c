/** Lua keywords and standard globals offered by completion outside a `module.` context. */
import { LUA_KEYWORDS } from './lua-language.ts';

export interface LuaGlobal {
  name: string;
  detail: string;
  keyword?: boolean;
}

const FUNCTIONS: [string, string][] = [
  ['print', 'print(...)'],
  ['require', 'require(name)'],
  ['pairs', 'pairs(t)'],
  ['ipairs', 'ipairs(t)'],
  ['tostring', 'tostring(v)'],
  ['tonumber', 'tonumber(v [, base])'],
  ['type', 'type(v)'],
  ['pcall', 'pcall(f, ...)'],
  ['xpcall', 'xpcall(f, handler, ...)'],
  ['error', 'error(message [, level])'],
  ['assert', 'assert(v [, message])'],
  ['select', 'select(n, ...)'],
  ['setmetatable', 'setmetatable(t, mt)'],
  ['getmetatable', 'getmetatable(t)'],
  ['string', 'string library'],
  ['table', 'table library'],
  ['math', 'math library'],
  ['utf8', 'utf8 library'],
  ['os', 'os library'],
];

export const LUA_GLOBALS: LuaGlobal[] = [
  ...LUA_KEYWORDS.map((name) => ({ name, detail: 'keyword', keyword: true })),
  ...FUNCTIONS.map(([name, detail]) => ({ name, detail })),
];
