/**
 * The Reference tab's search: the API description narrowed to what matches every word of the
 * query (in a name, signature or description, case-insensitive). A module whose own name or
 * description matches keeps all of its parts. Pure, so it is tested without a page.
 */
import type { LuaApi, LuaFunctionDoc, LuaModule } from '../shared/lua-api-types.ts';
import { functionHelp } from '../shared/lua-api-help.ts';

function words(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

function matchesAll(haystack: string, needles: string[]): boolean {
  const text = haystack.toLowerCase();
  return needles.every((n) => text.includes(n));
}

function functionText(moduleName: string, fn: LuaFunctionDoc): string {
  const help = functionHelp(fn);
  return [
    moduleName,
    fn.name,
    fn.signature,
    fn.returns,
    fn.doc,
    help.summary,
    ...fn.params.map((p) => `${p.name} ${p.doc}`),
  ].join(' ');
}

/** `api.modules` narrowed to `query`; all of it for an empty query. */
export function searchReference(api: LuaApi, query: string): LuaModule[] {
  const needles = words(query);
  if (needles.length === 0) return api.modules;
  const result: LuaModule[] = [];
  for (const m of api.modules) {
    if (matchesAll(`${m.name} ${m.doc}`, needles)) {
      result.push(m);
      continue;
    }
    const fnMatches = (owner: string) => (fn: LuaFunctionDoc) =>
      matchesAll(functionText(`${m.name} ${owner}`, fn), needles);
    const narrowed: LuaModule = {
      ...m,
      functions: m.functions.filter(fnMatches('')),
      classes: m.classes
        .map((c) =>
          matchesAll(`${m.name} ${c.name} ${c.doc}`, needles)
            ? c
            : { ...c, methods: c.methods.filter(fnMatches(c.name)) },
        )
        .filter((c) => c.methods.length > 0 || matchesAll(`${m.name} ${c.name} ${c.doc}`, needles)),
      constants: m.constants.filter((c) => matchesAll(`${m.name} ${c.name} ${c.doc}`, needles)),
      tables: m.tables
        .map((t) =>
          matchesAll(
            `${m.name} ${t.name} ${t.doc} ${t.members.map((x) => x.name).join(' ')}`,
            needles,
          )
            ? t
            : { ...t, members: [], functions: t.functions?.filter(fnMatches(t.name)) },
        )
        .filter((t) => t.members.length > 0 || (t.functions?.length ?? 0) > 0),
      options: m.options && {
        ...m.options,
        items: m.options.items.filter((o) =>
          matchesAll(`${m.name} option ${o.name} ${o.type} ${o.doc} ${o.range}`, needles),
        ),
      },
      errors: m.errors?.filter((e) => matchesAll(`${m.name} ${e.condition} ${e.kind}`, needles)),
    };
    if (countEntries(narrowed) > 0) result.push(narrowed);
  }
  return result;
}

/** Functions, methods, constants, tables, options and error rows shown for a module. */
export function countEntries(m: LuaModule): number {
  return (
    m.functions.length +
    m.classes.reduce((n, c) => n + Math.max(1, c.methods.length), 0) +
    m.constants.length +
    m.tables.reduce((n, t) => n + 1 + (t.functions?.length ?? 0), 0) +
    (m.options?.items.length ?? 0) +
    (m.errors?.length ?? 0)
  );
}
