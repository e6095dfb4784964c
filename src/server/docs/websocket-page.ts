/**
 * /docs/websocket: the project's own documentation page, built with the embed kit it ships.
 * The reference is the README's (rendered from src/shared/lua-api.ts by lua-api-markdown.ts),
 * and every example of the gallery (public/examples/) follows as a runnable widget: the page
 * is plain HTML with `<pre><code class="language-lua">` blocks that /embed.js upgrades. Each
 * block names its dialect (`data-dialect`, the product default) and the page says which it is.
 * It opens with a runnable example before the tables (issue 20): the first thing a reader does
 * is press Run.
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
  /** A project example (a process tutorial): its files, shown as they are, and its entry. */
  project?: { files: Array<{ path: string; text: string }>; entry?: string };
}

/** The gallery's examples with their code, from a folder holding index.json and <name>.lua. */
export async function readExamples(dir: string): Promise<DocExample[]> {
  const manifest = parseManifest(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')));
  return Promise.all(
    manifest.examples.map(async (e) => {
      const base = { name: e.name, title: e.title, description: e.description };
      if (!e.project) return { ...base, code: await readFile(join(dir, `${e.name}.lua`), 'utf8') };
      const files = await Promise.all(
        e.project.files.map(async (path) => ({
          path,
          text: await readFile(join(dir, e.name, path), 'utf8'),
        })),
      );
      const code = files.find((f) => f.path === e.project!.open)?.text ?? '';
      return { ...base, code, project: { files, entry: e.project.entry } };
    }),
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

/** The page's first example: connect, send, read the echo, close (the echo demo host). */
export const QUICK_START = `local websocket = require("websocket")

-- api.example.com goes to the playground's echo server.
local client = assert(websocket.connect("wss://api.example.com/ws"))
client:send(json.encode({ type = "hello", from = "the docs" }))

local msg = client:channel():receive()
print("echo:", msg.data)

client:close()
`;

export function renderWebsocketDocs(examples: DocExample[]): string {
  const reference = markdownToHtml(renderApiMarkdown(LUA_API));
  const gallery = examples
    .filter((e) => !e.project)
    .map(
      (e) => `<section class="example" id="example-${escapeHtml(e.name)}">
<h3>${escapeHtml(e.title)}</h3>
<p>${escapeHtml(e.description)}</p>
<pre data-title="${escapeHtml(e.name)}.lua" data-dialect="${DEFAULT_DIALECT}"><code class="language-lua">${escapeHtml(e.code)}</code></pre>
</section>`,
    )
    .join('\n');
  const tutorials = examples
    .filter((e) => e.project)
    .map(renderTutorial)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>websocket: Lua WebSocket Playground documentation</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml" />
<style>${STYLE}</style>
<script src="/embed.js" data-upgrade-code-blocks></script>
</head>
<body>
<nav><a href="/">Playground</a><a href="#reference">Reference</a><a href="#examples">Examples</a></nav>
<h1>The <code>websocket</code> module</h1>
<p>Talk to a WebSocket server from Lua: connect, send, read messages from a channel, close.
Every example on this page runs here: press Run. The code is editable (click it); the example
hosts (<code>api.example.com</code> and the others) go to the playground's demo servers. They run as
${escapeHtml(DIALECT_SHORT_NAMES[DEFAULT_DIALECT])} (<code>${DEFAULT_DIALECT}</code>), the platform's own Lua, as a
Wippy process runs them; "Open in playground" keeps that choice.</p>
<section class="quick-start" id="quick-start">
<h2>Try it</h2>
<pre data-title="quick-start.lua" data-dialect="${DEFAULT_DIALECT}"><code class="language-lua">${escapeHtml(QUICK_START)}</code></pre>
</section>
<h2 id="reference">Reference</h2>
${reference}
<h2 id="examples">Examples</h2>
${gallery}
<h2 id="processes">Processes</h2>
<p>On the platform a WebSocket client usually lives in a process among others. These tutorials are
projects of several entries, which the embedded widgets above cannot run: open one in the
playground, where each process shows in the Processes panel and the console takes input.</p>
${tutorials}
</body>
</html>
`;
}

/** A process tutorial: its files as they are, and a link that opens it as a project. */
function renderTutorial(e: DocExample): string {
  const files = (e.project?.files ?? [])
    .map((f) => `<pre data-title="${escapeHtml(f.path)}"><code>${escapeHtml(f.text)}</code></pre>`)
    .join('\n');
  const entry = e.project?.entry ? ` (runs <code>${escapeHtml(e.project.entry)}</code>)` : '';
  return `<section class="tutorial" id="example-${escapeHtml(e.name)}">
<h3>${escapeHtml(e.title)}</h3>
<p>${escapeHtml(e.description)}</p>
<p><a href="/?example=${encodeURIComponent(e.name)}">Open in the playground</a>${entry}</p>
${files}
</section>`;
}
