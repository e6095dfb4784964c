import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LUA_API } from './lua-api.ts';
import {
  END_MARKER,
  START_MARKER,
  renderApiMarkdown,
  replaceBetweenMarkers,
} from './lua-api-markdown.ts';
import { apiSection } from './lua-api-docs.ts';

const root = new URL('../../', import.meta.url);
const markdown = renderApiMarkdown(LUA_API);

describe('API reference markdown', () => {
  it('names every module, function, method, option, constant and error kind', () => {
    for (const mod of LUA_API.modules) {
      expect(markdown).toContain(`### ${mod.name}`);
      for (const fn of [...mod.functions, ...mod.classes.flatMap((c) => c.methods)])
        expect(markdown).toContain(fn.signature);
      for (const o of mod.options?.items ?? []) expect(markdown).toContain(`| \`${o.name}\` |`);
      for (const c of mod.constants) expect(markdown).toContain(`\`${mod.name}.${c.name}\``);
    }
    for (const k of LUA_API.errorKinds) expect(markdown).toContain(`errors.${k.name}`);
  });

  it('replaces only the text between the markers', () => {
    const doc = `# T\n\n${START_MARKER}\nold\n${END_MARKER}\n\nafter\n`;
    expect(replaceBetweenMarkers(doc, 'new\n')).toBe(
      `# T\n\n${START_MARKER}\n\nnew\n\n${END_MARKER}\n\nafter\n`,
    );
    expect(replaceBetweenMarkers('# no markers', 'x')).toBeNull();
  });

  it('is up to date in README.md (or docs/lua-api.md until the README has the markers)', async () => {
    const readme = new URL('README.md', root);
    const section = await apiSection(readme.pathname);
    const text = existsSync(readme) ? readFileSync(readme, 'utf8') : null;
    const stale = 'out of date: run `npx tsx scripts/gen-api-docs.ts`';
    if (text !== null && text.includes(START_MARKER)) {
      expect(replaceBetweenMarkers(text, section), stale).toBe(text);
    } else {
      const fallback = new URL('docs/lua-api.md', root);
      expect(existsSync(fallback) ? readFileSync(fallback, 'utf8') : '', stale).toBe(
        `# Lua API reference\n\n${section}`,
      );
    }
  });
});
