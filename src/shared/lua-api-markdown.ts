/**
 * The Lua API reference as Markdown, rendered from the API description (lua-api.ts). Written
 * into README.md between the markers by scripts/gen-api-docs.ts; a unit test keeps it fresh.
 */
import type { LuaApi, LuaFunctionDoc, LuaModule } from './lua-api-types.ts';

export const START_MARKER = '<!-- lua-api:start -->';
export const END_MARKER = '<!-- lua-api:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function renderFunction(fn: LuaFunctionDoc): string[] {
  const lines = [
    `#### \`${fn.signature}\` → \`${fn.returns}\`${fn.addition ? ' *(addition)*' : ''}`,
    '',
    fn.doc,
    '',
  ];
  if (fn.params.length > 0) {
    lines.push('| parameter | type | description |', '|---|---|---|');
    for (const p of fn.params)
      lines.push(
        `| \`${p.name}\`${p.optional ? ' (optional)' : ''} | ${cell(p.type)} | ${cell(p.doc)} |`,
      );
    lines.push('');
  }
  return lines;
}

function renderModule(mod: LuaModule): string[] {
  const load = mod.global
    ? `Global \`${mod.name}\`, or \`require("${mod.name}")\`.`
    : `\`local ${mod.name} = require("${mod.name}")\``;
  const lines = [`### ${mod.name}`, '', mod.doc, '', load, ''];
  for (const fn of mod.functions) lines.push(...renderFunction(fn));
  for (const t of mod.tables) for (const fn of t.functions ?? []) lines.push(...renderFunction(fn));
  if (mod.options) {
    lines.push(
      `#### Options of \`${mod.options.of}\``,
      '',
      '| option | type | default | valid range | description |',
      '|---|---|---|---|---|',
    );
    for (const o of mod.options.items) {
      lines.push(
        `| \`${o.name}\` | ${cell(o.type)} | ${cell(o.default)} | ${cell(o.range)} | ${cell(o.doc)} |`,
      );
    }
    lines.push('');
  }
  for (const cls of mod.classes) {
    lines.push(`#### ${cls.name}`, '', cls.doc, '');
    if (cls.fields) {
      lines.push('| field | type | description |', '|---|---|---|');
      for (const f of cls.fields)
        lines.push(`| \`${f.name}\` | ${cell(f.type)} | ${cell(f.doc)} |`);
      lines.push('');
    }
    for (const fn of cls.methods)
      lines.push(...renderFunction(fn).map((l) => l.replace(/^#### /, '##### ')));
  }
  if (mod.constants.length > 0 || mod.tables.length > 0) {
    lines.push('#### Constants', '', '| constant | value | description |', '|---|---|---|');
    for (const c of mod.constants)
      lines.push(`| \`${mod.name}.${c.name}\` | \`${JSON.stringify(c.value)}\` | ${cell(c.doc)} |`);
    for (const t of mod.tables) {
      for (const c of t.members)
        lines.push(`| \`${mod.name}.${t.name}.${c.name}\` | \`${c.value}\` | ${cell(c.doc)} |`);
    }
    lines.push('');
  }
  if (mod.errors) {
    lines.push('#### Errors', '', '| condition | kind | retryable |', '|---|---|---|');
    for (const e of mod.errors)
      lines.push(`| ${cell(e.condition)} | \`errors.${e.kind}\` | ${e.retryable ? 'yes' : 'no'} |`);
    lines.push('');
  }
  return lines;
}

export function renderApiMarkdown(api: LuaApi): string {
  const lines = [
    '<!-- Generated from src/shared/lua-api.ts by `npx tsx scripts/gen-api-docs.ts`; do not edit by hand. -->',
    '',
  ];
  for (const mod of api.modules) lines.push(...renderModule(mod));
  lines.push(
    '### Error kinds',
    '',
    '| kind | value | usually retryable | meaning |',
    '|---|---|---|---|',
  );
  for (const k of api.errorKinds)
    lines.push(
      `| \`errors.${k.name}\` | \`${JSON.stringify(k.value)}\` | ${k.retryableByDefault ? 'yes' : 'no'} | ${cell(k.doc)} |`,
    );
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

/** `doc` with the text between the markers replaced; null when the markers are missing. */
export function replaceBetweenMarkers(doc: string, content: string): string | null {
  const start = doc.indexOf(START_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (start < 0 || end < start) return null;
  // Blank lines around the content, as Prettier formats Markdown.
  return `${doc.slice(0, start + START_MARKER.length)}\n\n${content.trim()}\n\n${doc.slice(end)}`;
}
