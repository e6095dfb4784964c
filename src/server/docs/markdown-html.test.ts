import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineHtml, markdownToHtml } from './markdown-html.ts';
import { renderApiMarkdown } from '../../shared/lua-api-markdown.ts';
import { LUA_API } from '../../shared/lua-api.ts';

describe('markdownToHtml', () => {
  it('escapes text and code alike', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    expect(inlineHtml('a `<b>*c*</b>` *d* <script>')).toBe(
      'a <code>&lt;b&gt;*c*&lt;/b&gt;</code> <em>d</em> &lt;script&gt;',
    );
  });

  it('renders headings, paragraphs and pipe tables', () => {
    const html = markdownToHtml(
      '### mod\n\nSome text\nmore.\n\n| a | b |\n|---|---|\n| `x\\|y` | 2 |\n',
      0,
    );
    expect(html).toBe(
      [
        '<h3 id="mod">mod</h3>',
        '<p>Some text more.</p>',
        '<table>',
        '<thead><tr><th>a</th><th>b</th></tr></thead>',
        '<tbody>',
        '<tr><td><code>x|y</code></td><td>2</td></tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it("renders the README's whole API reference: every function and no raw Markdown left", () => {
    const html = markdownToHtml(renderApiMarkdown(LUA_API));
    for (const mod of LUA_API.modules)
      for (const fn of mod.functions) expect(html).toContain(escapeHtml(fn.signature));
    expect(html).not.toMatch(/^\|/m);
    expect(html).not.toMatch(/^#/m);
  });
});
