/**
 * Hover and completion for the dialect, registered beside the websocket API's providers
 * (lua-providers.ts; Monaco merges what each returns): hovering a name shows its type from
 * the checker's position → type table, and in a type position (after `local x:`, a
 * parameter's `:`, `->`, `::`, `as`, `|`, `&`, `type X =`) completion offers the built-in
 * type names and the ones the script declares.
 */
import type { languages as Languages } from 'monaco-editor/editor/editor.api';
import { monaco } from './monaco.ts';
import { BUILTIN_TYPE_NAMES, wippyMonarch } from './dialect-language.ts';
import { LUA_LANGUAGE_ID, luaMonarch } from './lua-language.ts';
import { ApiIndex } from './api-index.ts';
import type { Dialect } from '../shared/dialect.ts';
import { latestResult } from './dialect-client.ts';
import { inTypePosition, typeAt } from './dialect-positions.ts';

let registered = false;
let highlighted: Dialect | null = null;

/** Swap the Lua tokenizer for the dialect the script speaks (Monaco has one per language). */
export function applyDialectHighlighting(dialect: Dialect): void {
  if (highlighted === dialect) return;
  highlighted = dialect;
  const libraries = new ApiIndex().moduleNames();
  monaco.languages.setMonarchTokensProvider(
    LUA_LANGUAGE_ID,
    dialect === 'wippy' ? wippyMonarch(libraries) : luaMonarch(libraries),
  );
}

export function registerDialectProviders(): void {
  if (registered) return;
  registered = true;
  const { languages } = monaco;

  languages.registerHoverProvider(LUA_LANGUAGE_ID, {
    provideHover(model, position) {
      const result = latestResult(model);
      if (!result) return null;
      const entry = typeAt(result.types, model.getOffsetAt(position));
      if (!entry) return null;
      const start = model.getPositionAt(entry.start);
      const end = model.getPositionAt(entry.end);
      return {
        contents: [{ value: `\`\`\`lua\n${entry.name}: ${entry.type}\n\`\`\`` }],
        range: {
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        },
      };
    },
  });

  languages.registerCompletionItemProvider(LUA_LANGUAGE_ID, {
    triggerCharacters: [':', ' '],
    provideCompletionItems(model, position) {
      const lineBefore = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      if (!inTypePosition(lineBefore)) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const declared = latestResult(model, true)?.typeNames ?? [];
      const item = (label: string, detail: string): Languages.CompletionItem => ({
        label,
        kind: languages.CompletionItemKind.TypeParameter,
        detail,
        insertText: label,
        range,
        sortText: `0${label}`,
      });
      return {
        suggestions: [
          ...declared.map((name) => item(name, 'type declared in this script')),
          ...BUILTIN_TYPE_NAMES.filter((n) => !declared.includes(n)).map((n) =>
            item(n, 'built-in type'),
          ),
        ],
      };
    },
  });
}
