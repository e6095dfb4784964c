/**
 * /docs/websocket: the project's own documentation page, built with the embed kit it ships.
 * The reference is the README's (rendered from src/shared/lua-api.ts by lua-api-markdown.ts),
 * and every example of the gallery (public/examples/) follows as a runnable widget: the page
 * is plain HTML with `<pre><code class="language-lua">` blocks that /embed.js upgrades. Each
 * block names its dialect (`data-dialect`, the product default) and the page says which it is.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LUA_API } from '../../shared/lua-api.ts';
import { renderApiMarkdown } from '../../shared/lua-api-markdown.ts';
import { parseManifest } from '../../examples/manifest.ts';
import { escapeHtml, markdownToHtml } from './markdown-html.ts';
import { DEFAULT_DIALECT } from '../../shared/dialect.ts';
import { DIALECT_SHORT_NAMES } from '../../shared/dialect-names.ts';

export interface DocExample {
  name: string;
  title: string;
  description: string;
  code: string;
}

/** The gallery's examples with their code, from a folder holding index.json and <name>.lua. */
export async function readExamples(dir: string): Promise<DocExample[]> {
  const manifest = parseManifest(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')));
  return Promise.all(
    manifest.examples.map(async (e) => ({
      name: e.name,
      title: e.title,
      description: e.description,
      code: await readFile(join(dir, `${e.name}.lua`), 'utf8'),
    })),
  );
}

const STYLE = `
  :root { color-scheme: light dark; font: 15px/1.55 system-ui, sans-serif; }
  body { max-width: 920px; margin: 0 auto; padding: 24px; }
  code { font-family: Menlo, Consolas, 'DejaVu Sans Mono', monospace; font-size: 0.92em; }
  table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13.5px; }
  th, td { border: 1px solid #8884; padding: 4px 8px; text-align: left; vertical-align: top; }
  lua-playground { margin: 8px 0 24px; }
  nav a { margin-right: 12px; }
`;

export function renderWebsocketDocs(examples: DocExample[]): string {
  const reference = markdownToHtml(renderApiMarkdown(LUA_API));
  const gallery = examples
    .map(
      (e) => `<section class="example" id="example-${escapeHtml(e.name)}">
<h3>${escapeHtml(e.title)}</h3>
<p>${escapeHtml(e.description)}</p>
<pre data-title="${escapeHtml(e.name)}.lua" data-dialect="${DEFAULT_DIALECT}"><code class="language-lua">${escapeHtml(e.code)}</code></pre>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>websocket: Lua WebSocket Playground documentation</title>
<style>${STYLE}</style>
<script src="/embed.js" data-upgrade-code-blocks></script>
</head>
<body>
<nav><a href="/">Playground</a><a href="#reference">Reference</a><a href="#examples">Examples</a></nav>
<h1>The <code>websocket</code> module</h1>
<p>Every example below runs here: press Run. The code is editable (click it); the example hosts
(<code>api.example.com</code> and the others) go to the playground's demo servers. They run as
${escapeHtml(DIALECT_SHORT_NAMES[DEFAULT_DIALECT])} (<code>${DEFAULT_DIALECT}</code>), the platform's own Lua, as a
Wippy process runs them; "Open in playground" keeps that choice.</p>
<h2 id="reference">Reference</h2>
${reference}
<h2 id="examples">Examples</h2>
${gallery}
</body>
</html>
`;
}
