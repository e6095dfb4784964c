/**
 * Completion and hover content for the Lua modules, computed from the one API description
 * (src/shared/lua-api.ts). Pure: takes text, returns entries; lua-providers.ts hands them to
 * Monaco.
 */
import { LUA_API } from '../shared/lua-api.ts';
import type { LuaApi, LuaClass, LuaFunctionDoc, LuaModule } from '../shared/lua-api-types.ts';
import { optionsContextAt } from './options-context.ts';
import { functionHelp } from '../shared/lua-api-help.ts';

export type EntryKind =
  'module' | 'function' | 'method' | 'constant' | 'table' | 'option' | 'field';

export interface ApiEntry {
  label: string;
  /** Listed before the others (`websocket.connect`, what almost every script starts with). */
  first?: boolean;
  kind: EntryKind;
  /** One line shown beside the label: the signature or the value. */
  detail: string;
  /** Markdown. */
  doc: string;
  insertText?: string;
}

/**
 * A function's help: one plain sentence and an example first (lua-api-help.ts), then the
 * signature and the precise wording, parameters and returns.
 */
export function functionMarkdown(fn: LuaFunctionDoc): string {
  const help = functionHelp(fn);
  const lines = [help.summary, ''];
  if (help.example) lines.push('```lua', help.example, '```', '');
  lines.push('```lua', `${fn.signature} -> ${fn.returns}`, '```');
  // The precise wording, without repeating the sentence already shown.
  const rest = fn.doc.startsWith(help.summary) ? fn.doc.slice(help.summary.length).trim() : fn.doc;
  if (rest) lines.push(rest);
  if (fn.params.length > 0) {
    lines.push(
      '',
      ...fn.params.map((p) => `- \`${p.name}\`${p.optional ? '?' : ''} *${p.type}*: ${p.doc}`),
    );
  }
  if (fn.addition) lines.push('', '_Addition of this playground._');
  return lines.join('\n');
}

function moduleMembers(mod: LuaModule): ApiEntry[] {
  const entries: ApiEntry[] = mod.functions.map((fn) => ({
    label: fn.name,
    kind: 'function',
    detail: `${fn.signature} -> ${fn.returns}`,
    doc: functionMarkdown(fn),
    ...(FIRST_CALLS.has(`${mod.name}.${fn.name}`) ? { first: true } : {}),
  }));
  for (const c of mod.constants) {
    entries.push({
      label: c.name,
      kind: 'constant',
      detail: `${mod.name}.${c.name} = ${JSON.stringify(c.value)}`,
      doc: c.doc,
    });
  }
  for (const t of mod.tables) {
    const list = t.members.map((m) => `- \`${m.name}\` = ${m.value}: ${m.doc}`).join('\n');
    entries.push({
      label: t.name,
      kind: 'table',
      detail: `${mod.name}.${t.name}`,
      doc: `${t.doc}\n\n${list}`,
    });
  }
  return entries;
}

/** Calls ranked first among their completions. */
const FIRST_CALLS = new Set(['websocket.connect']);

/** Guess which userdata a variable holds from its name, so `ch:` offers channel methods. */
export function guessClass(variable: string): string | null {
  const v = variable.toLowerCase();
  // The time module's objects (Timer, Ticker, Time, Duration, Location) before channels.
  if (/^(\w+_)?timer\d*$/.test(v)) return 'Timer';
  if (/^((\w+_)?ticker\d*|tk)$/.test(v)) return 'Ticker';
  if (/^(t\d?|now|start|started|deadline|fired(_at)?|\w+_(time|at))$/.test(v)) return 'Time';
  if (/^(d|dur|duration|elapsed|diff|\w+_(duration|elapsed))$/.test(v)) return 'Duration';
  if (/^(loc|location|tz|zone|\w+_(loc|zone))$/.test(v)) return 'Location';
  if (/^(ch|chan|channel|timeout|heartbeat|done|tick)\w*$|_ch$/.test(v)) return 'channel';
  if (/^(err|e|error)\w*$/.test(v)) return 'error';
  if (/^(msg|message)\w*$/.test(v)) return 'Message';
  if (/^(log|logger)\w*$/.test(v)) return 'Logger';
  if (/^(spawner|\w+_spawner)$/.test(v)) return 'Spawner';
  if (/^(client|ws|sock|socket|conn|connection|c)\w*$/.test(v)) return 'client';
  return null;
}

export class ApiIndex {
  private readonly modules = new Map<string, LuaModule>();
  private readonly classes: { module: string; cls: LuaClass }[] = [];

  constructor(api: LuaApi = LUA_API) {
    for (const mod of api.modules) {
      this.modules.set(mod.name, mod);
      for (const cls of mod.classes) this.classes.push({ module: mod.name, cls });
    }
  }

  moduleNames(): string[] {
    return [...this.modules.keys()];
  }

  /** Completions for the text of the document before the cursor. */
  complete(textBefore: string): ApiEntry[] {
    const line = textBefore.slice(textBefore.lastIndexOf('\n') + 1);
    let m = /([A-Za-z_]\w*)\.([A-Za-z_]\w*)\.(\w*)$/.exec(line);
    if (m) {
      const table = this.modules.get(m[1])?.tables.find((t) => t.name === m![2]);
      const functions: ApiEntry[] = (table?.functions ?? []).map((fn) => ({
        label: fn.name,
        kind: 'function',
        detail: `${fn.signature} -> ${fn.returns}`,
        doc: functionMarkdown(fn),
      }));
      const constants: ApiEntry[] = (table?.members ?? []).map((c) => ({
        label: c.name,
        kind: 'constant',
        detail: `${m![1]}.${m![2]}.${c.name} = ${c.value}`,
        doc: c.doc,
      }));
      return [...functions, ...constants];
    }
    m = /([A-Za-z_]\w*)\.(\w*)$/.exec(line);
    if (m) {
      const mod = this.modules.get(m[1]);
      return mod ? moduleMembers(mod) : [];
    }
    m = /([A-Za-z_]\w*):(\w*)$/.exec(line);
    if (m) return this.methodsFor(m[1]);
    if (optionsContextAt(textBefore)) return this.options();
    return this.moduleNames().map((name) => this.moduleEntry(name));
  }

  private moduleEntry(name: string): ApiEntry {
    const mod = this.modules.get(name)!;
    const how = mod.global
      ? 'global, or `require("' + name + '")`'
      : '`local ' + name + ' = require("' + name + '")`';
    return { label: name, kind: 'module', detail: `module ${name}`, doc: `${mod.doc}\n\n${how}` };
  }

  private options(): ApiEntry[] {
    const opts = this.modules.get('websocket')?.options;
    return (opts?.items ?? []).map((o) => ({
      label: o.name,
      kind: 'option',
      detail: `${o.type} (default ${o.default})`,
      doc: `${o.doc}\n\n**Default:** ${o.default}  \n**Range:** ${o.range}`,
      insertText: `${o.name} = `,
    }));
  }

  /** Methods for `variable:`, narrowed by the variable's name when it says what it holds. */
  methodsFor(variable: string): ApiEntry[] {
    const guess = guessClass(variable);
    const seen = new Set<string>();
    const entries: ApiEntry[] = [];
    for (const { cls } of this.classes) {
      if (guess && cls.name !== guess) continue;
      for (const fn of cls.methods) {
        if (seen.has(fn.name)) continue;
        seen.add(fn.name);
        entries.push({
          label: fn.name,
          kind: 'method',
          detail: `${fn.signature} -> ${fn.returns}`,
          doc: functionMarkdown(fn),
        });
      }
    }
    return entries;
  }

  /** The function `callee` calls ("websocket.connect", "client:send"), when described. */
  functionFor(callee: string): LuaFunctionDoc | null {
    const sub = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(callee);
    if (sub) return this.tableFunction(sub[1], sub[2], sub[3]);
    const m = /^([A-Za-z_]\w*)([.:])([A-Za-z_]\w*)$/.exec(callee);
    if (!m) return null;
    if (m[2] === '.')
      return this.modules.get(m[1])?.functions.find((fn) => fn.name === m[3]) ?? null;
    const guess = guessClass(m[1]);
    const candidates = this.classes.flatMap(({ cls }) =>
      cls.methods.filter((fn) => fn.name === m[3]).map((fn) => ({ cls: cls.name, fn })),
    );
    return (candidates.find((c) => c.cls === guess) ?? candidates[0])?.fn ?? null;
  }

  /** Hover markdown for the dotted or colon expression `expr` (e.g. "websocket.connect"). */
  hover(expr: string): string | null {
    const parts = expr.split(/([.:])/);
    const mod = this.modules.get(parts[0]);
    if (parts.length === 1) return mod ? this.moduleEntry(parts[0]).doc : null;
    if (parts[1] === ':') {
      const guess = guessClass(parts[0]);
      const candidates = this.classes.flatMap(({ cls }) =>
        cls.methods.filter((fn) => fn.name === parts[2]).map((fn) => ({ cls: cls.name, fn })),
      );
      const found = candidates.find((c) => c.cls === guess) ?? candidates[0];
      return found ? functionMarkdown(found.fn) : null;
    }
    if (!mod) return null;
    const member = moduleMembers(mod).find((e) => e.label === parts[2]);
    if (parts.length === 3) {
      if (!member) return null;
      // A function's help already leads with its sentence, example and signature.
      if (member.kind === 'function') return member.doc;
      return `**${mod.name}.${member.label}**: \`${member.detail}\`\n\n${member.doc}`;
    }
    const table = mod.tables.find((t) => t.name === parts[2]);
    const c = table?.members.find((x) => x.name === parts[4]);
    if (c) return `\`${expr} = ${c.value}\`\n\n${c.doc}`;
    const fn = this.tableFunction(parts[0], parts[2], parts[4]);
    return fn ? functionMarkdown(fn) : null;
  }

  /** A function of a module's sub-table: `process.registry.register`. */
  private tableFunction(module: string, table: string, name: string): LuaFunctionDoc | null {
    const t = this.modules.get(module)?.tables.find((x) => x.name === table);
    return t?.functions?.find((fn) => fn.name === name) ?? null;
  }
}

/** The dotted/colon expression around `column` (0-based) of `line`, e.g. "client:send". */
export function expressionAt(line: string, column: number): string | null {
  const isWord = (ch: string | undefined) => ch !== undefined && /\w/.test(ch);
  let end = column;
  while (isWord(line[end])) end++;
  let start = column;
  while (
    start > 0 &&
    (isWord(line[start - 1]) ||
      ((line[start - 1] === '.' || line[start - 1] === ':') && isWord(line[start - 2])))
  )
    start--;
  const expr = line.slice(start, end);
  return /^[A-Za-z_][\w.:]*$/.test(expr) ? expr : null;
}
