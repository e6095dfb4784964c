/**
 * Lua 5.3 for Monaco: a Monarch tokenizer (keywords, long strings and comments `[==[ ]==]`,
 * numbers incl. hex floats, escapes) and the language configuration (comments, brackets,
 * indentation on `function`/`do`/`then`/`repeat`). The playground's modules are highlighted
 * as library names.
 */
import type { languages } from 'monaco-editor/editor/editor.api';

export const LUA_LANGUAGE_ID = 'lua';

/** Lua 5.3's reserved words (highlighting here, completion in lua-globals.ts). */
export const LUA_KEYWORDS = [
  'and',
  'break',
  'do',
  'else',
  'elseif',
  'end',
  'false',
  'for',
  'function',
  'goto',
  'if',
  'in',
  'local',
  'nil',
  'not',
  'or',
  'repeat',
  'return',
  'then',
  'true',
  'until',
  'while',
];

export function luaMonarch(libraryNames: string[]): languages.IMonarchLanguage {
  return {
    defaultToken: '',
    tokenPostfix: '.lua',
    keywords: LUA_KEYWORDS,
    builtins: [
      'assert',
      'collectgarbage',
      'error',
      'getmetatable',
      'ipairs',
      'load',
      'next',
      'pairs',
      'pcall',
      'print',
      'rawequal',
      'rawget',
      'rawlen',
      'rawset',
      'require',
      'select',
      'setmetatable',
      'tonumber',
      'tostring',
      'type',
      'xpcall',
      'self',
      '_G',
      '_ENV',
      'string',
      'table',
      'math',
      'utf8',
      'os',
    ],
    libraries: libraryNames,
    brackets: [
      { token: 'delimiter.bracket', open: '{', close: '}' },
      { token: 'delimiter.array', open: '[', close: ']' },
      { token: 'delimiter.parenthesis', open: '(', close: ')' },
    ],
    operators: [
      '+',
      '-',
      '*',
      '/',
      '//',
      '%',
      '^',
      '#',
      '&',
      '~',
      '|',
      '<<',
      '>>',
      '==',
      '~=',
      '<=',
      '>=',
      '<',
      '>',
      '=',
      ';',
      ':',
      ',',
      '.',
      '..',
      '...',
    ],
    symbols: /[=><!~?:&|+\-*/^%#.]+/,
    escapes: /\\(?:[abfnrtvz\\"'\n]|x[0-9A-Fa-f]{2}|\d{1,3}|u\{[0-9A-Fa-f]+\})/,
    tokenizer: {
      root: [
        [/--\[(=*)\[/, { token: 'comment', next: '@longComment.$1' }],
        [/--.*$/, 'comment'],
        [/\[(=*)\[/, { token: 'string', next: '@longString.$1' }],
        [/[A-Z][A-Z0-9_]+\b/, 'constant'],
        [
          /[a-zA-Z_]\w*/,
          {
            cases: {
              '@keywords': 'keyword',
              '@libraries': 'type.identifier',
              '@builtins': 'predefined',
              '@default': 'identifier',
            },
          },
        ],
        { include: '@whitespace' },
        [/[{}()[\]]/, '@brackets'],
        [/@symbols/, { cases: { '@operators': 'operator', '@default': '' } }],
        [/0[xX][0-9a-fA-F]*(\.[0-9a-fA-F]*)?([pP][-+]?\d+)?/, 'number.hex'],
        [/\d*\.\d+([eE][-+]?\d+)?/, 'number.float'],
        [/\d+([eE][-+]?\d+)?/, 'number'],
        [/"/, { token: 'string.quote', next: '@string."' }],
        [/'/, { token: 'string.quote', next: "@string.'" }],
      ],
      whitespace: [[/[ \t\r\n]+/, '']],
      longComment: [
        [/[^\]]+/, 'comment'],
        [
          /\](=*)\]/,
          { cases: { '$1==$S2': { token: 'comment', next: '@pop' }, '@default': 'comment' } },
        ],
        [/./, 'comment'],
      ],
      longString: [
        [/[^\]]+/, 'string'],
        [
          /\](=*)\]/,
          { cases: { '$1==$S2': { token: 'string', next: '@pop' }, '@default': 'string' } },
        ],
        [/./, 'string'],
      ],
      string: [
        [/[^\\"']+/, 'string'],
        [/@escapes/, 'string.escape'],
        [/\\./, 'string.escape.invalid'],
        [
          /["']/,
          { cases: { '$#==$S2': { token: 'string.quote', next: '@pop' }, '@default': 'string' } },
        ],
      ],
    },
  } as languages.IMonarchLanguage;
}

export const luaConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '--', blockComment: ['--[[', ']]'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
  indentationRules: {
    increaseIndentPattern:
      /^((?!(--)).)*((\b(else|function|then|do|repeat)\b((?!\b(end|until)\b).)*)|(\{\s*))$/,
    decreaseIndentPattern: /^\s*((\b(elseif|else|end|until)\b)|(\})|(\)))/,
  },
  wordPattern: /(-?\d*\.\d\w*)|([^`~!@#%^&*()\-=+[{\]}\\|;:'",.<>/?\s]+)/g,
};
