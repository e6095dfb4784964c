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
    expect(html.match(/<code class="language-lua">/g)).toHaveLength(examples.length);
    for (const e of examples) expect(html).toContain(`id="example-${e.name}"`);
  });

  it("runs every example as the platform's Lua and says so", async () => {
    const examples = await readExamples(EXAMPLES);
    const html = renderWebsocketDocs(examples);
    expect(html.match(/<pre [^>]*data-dialect="wippy"><code class="language-lua">/g)).toHaveLength(
      examples.length,
    );
    expect(html).toContain("They run as\nWippy Lua (<code>wippy</code>), the platform's own Lua");
  });

  it('escapes the code so that it reads back as it is', () => {
    const html = renderWebsocketDocs([
      { name: 'x', title: 'T <b>', description: 'd', code: 'print("</code></pre><script>")' },
    ]);
    expect(html).toContain('print(&quot;&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;&quot;)');
    expect(html).not.toContain('<b>');
  });
});
