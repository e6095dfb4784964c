/**
 * Registers Lua with Monaco once: tokenizer, configuration, and completion, hover and
 * signature help generated from the API description (api-index.ts, signature-help.ts).
 */
import type { languages as Languages } from 'monaco-editor/editor/editor.api';
import { monaco } from './monaco.ts';
import { ApiIndex, expressionAt } from './api-index.ts';
import type { EntryKind } from './api-index.ts';
import { LUA_LANGUAGE_ID, luaConfiguration, luaMonarch } from './lua-language.ts';
import { LUA_GLOBALS } from './lua-globals.ts';
import { signatureAt } from './signature-help.ts';
import { functionHelp } from '../shared/lua-api-help.ts';

let registered = false;

function itemKind(kind: EntryKind): Languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  switch (kind) {
    case 'module':
      return K.Module;
    case 'function':
      return K.Function;
    case 'method':
      return K.Method;
    case 'constant':
      return K.Constant;
    case 'table':
      return K.Enum;
    case 'option':
      return K.Property;
    case 'field':
      return K.Field;
  }
}

export function registerLua(): void {
  if (registered) return;
  registered = true;
  const index = new ApiIndex();
  const { languages } = monaco;
  languages.register({ id: LUA_LANGUAGE_ID, extensions: ['.lua'], aliases: ['Lua', 'lua'] });
  languages.setMonarchTokensProvider(LUA_LANGUAGE_ID, luaMonarch(index.moduleNames()));
  languages.setLanguageConfiguration(LUA_LANGUAGE_ID, luaConfiguration);

  languages.registerCompletionItemProvider(LUA_LANGUAGE_ID, {
    triggerCharacters: ['.', ':'],
    provideCompletionItems(model, position) {
      const textBefore = model.getValueInRange({
        startLineNumber: Math.max(1, position.lineNumber - 60),
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      });
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const entries = index.complete(textBefore);
      const lineBefore = textBefore.slice(textBefore.lastIndexOf('\n') + 1);
      const atTopLevel = !/[.:]\w*$/.test(lineBefore);
      const suggestions: Languages.CompletionItem[] = entries.map((e) => ({
        label: e.label,
        kind: itemKind(e.kind),
        detail: e.detail,
        documentation: { value: e.doc },
        insertText: e.insertText ?? e.label,
        range,
        // `websocket.connect` before `websocket.BINARY`: what almost every script starts with.
        sortText: `${e.first ? '00' : '0'}${e.label}`,
        ...(e.first ? { preselect: true } : {}),
      }));
      if (atTopLevel) {
        for (const g of LUA_GLOBALS) {
          suggestions.push({
            label: g.name,
            kind: g.keyword
              ? languages.CompletionItemKind.Keyword
              : languages.CompletionItemKind.Function,
            detail: g.detail,
            insertText: g.name,
            range,
            sortText: `1${g.name}`,
          });
        }
      }
      return { suggestions };
    },
  });

  languages.registerSignatureHelpProvider(LUA_LANGUAGE_ID, {
    signatureHelpTriggerCharacters: ['(', ','],
    signatureHelpRetriggerCharacters: [','],
    provideSignatureHelp(model, position) {
      const textBefore = model.getValueInRange({
        startLineNumber: Math.max(1, position.lineNumber - 30),
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      });
      const at = signatureAt(index, textBefore);
      if (!at) return null;
      const help = functionHelp(at.fn);
      return {
        value: {
          signatures: [
            {
              label: at.fn.signature,
              documentation: { value: `${help.summary}  \n**Returns:** \`${at.fn.returns}\`` },
              parameters: at.fn.params.map((p, i) => ({
                label: at.parameterRanges[i],
                documentation: {
                  value: `\`${p.name}\`${p.optional ? ' (optional)' : ''} *${p.type}*: ${p.doc}`,
                },
              })),
            },
          ],
          activeSignature: 0,
          activeParameter: at.activeParameter,
        },
        dispose() {},
      };
    },
  });

  languages.registerHoverProvider(LUA_LANGUAGE_ID, {
    provideHover(model, position) {
      const line = model.getLineContent(position.lineNumber);
      const expr = expressionAt(line, position.column - 1);
      if (!expr) return null;
      const markdown = index.hover(expr);
      if (!markdown) return null;
      const word = model.getWordAtPosition(position);
      return {
        contents: [{ value: markdown }],
        range: word
          ? {
              startLineNumber: position.lineNumber,
              endLineNumber: position.lineNumber,
              startColumn: word.startColumn,
              endColumn: word.endColumn,
            }
          : undefined,
      };
    },
  });
}
