import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readExamples, renderWebsocketDocs } from './websocket-page.ts';

const EXAMPLES = fileURLToPath(new URL('../../../public/examples', import.meta.url));

describe('the /docs/websocket page', () => {
  it('has every gallery example as a Lua block that /embed.js upgrades', async () => {
    const examples = await readExamples(EXAMPLES);
    expect(examples.length).toBeGreaterThan(10);
    const html = renderWebsocketDocs(examples);
    expect(html).toContain('<script src="/embed.js" data-upgrade-code-blocks></script>');
    // The quick start, then one block per single-script example.
    const scripts = examples.filter((e) => !e.project);
    expect(html.match(/<code class="language-lua">/g)).toHaveLength(scripts.length + 1);
    for (const e of examples) expect(html).toContain(`id="example-${e.name}"`);
  });

  it('shows the process tutorials as projects that open in the playground', async () => {
    const tutorials = (await readExamples(EXAMPLES)).filter((e) => e.project);
    expect(tutorials.map((e) => e.name)).toEqual(['echo-service', 'worker-pool']);
    const html = renderWebsocketDocs(tutorials);
    expect(html).toContain('<a href="/?example=echo-service">Open in the playground</a>');
    expect(html).toContain('<pre data-title="src/_index.yaml"><code>');
    // Not upgraded into single-script widgets, which cannot run a project.
    expect(html.match(/<code class="language-lua">/g)).toHaveLength(1);
  });

  it("runs every example as the platform's Lua and says so", async () => {
    const examples = await readExamples(EXAMPLES);
    const html = renderWebsocketDocs(examples);
    expect(html.match(/<pre [^>]*data-dialect="wippy"><code class="language-lua">/g)).toHaveLength(
      examples.filter((e) => !e.project).length + 1, // the quick start too
    );
    expect(html).toContain("They run as\nWippy Lua (<code>wippy</code>), the platform's own Lua");
  });

  it('opens with a runnable example before the reference tables', () => {
    const html = renderWebsocketDocs([]);
    const quickStart = html.indexOf('id="quick-start"');
    expect(quickStart).toBeGreaterThan(0);
    expect(quickStart).toBeLessThan(html.indexOf('<table'));
    expect(quickStart).toBeLessThan(html.indexOf('id="reference"'));
    expect(html).toContain('websocket.connect(&quot;wss://api.example.com/ws&quot;)');
  });

  it('escapes the code so that it reads back as it is', () => {
    const html = renderWebsocketDocs([
      { name: 'x', title: 'T <b>', description: 'd', code: 'print("</code></pre><script>")' },
    ]);
    expect(html).toContain('print(&quot;&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;&quot;)');
    expect(html).not.toContain('<b>');
  });
});
