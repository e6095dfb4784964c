/**
 * HTML from the Markdown that src/shared/lua-api-markdown.ts writes (the README's reference):
 * headings, paragraphs, pipe tables, `code` and *emphasis*. Only that subset, since it is
 * the only Markdown rendered here; every piece of text is escaped before it becomes HTML.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Inline Markdown: `code` spans first (nothing inside them is markup), then *emphasis*. */
export function inlineHtml(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length >= 2
        ? `<code>${escapeHtml(part.slice(1, -1))}</code>`
        : escapeHtml(part).replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=$|[\s).,;:])/g, '$1<em>$2</em>'),
    )
    .join('');
}

/** The cells of a pipe-table row; `\|` is a pipe inside a cell. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

const isRule = (line: string) => /^\|?\s*:?-{3,}/.test(line.trim());

export function markdownToHtml(markdown: string, headingOffset = 0): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${inlineHtml(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (line.trim() === '' || /^<!--.*-->$/.test(line.trim())) {
      flush();
    } else if (heading) {
      flush();
      const level = Math.min(6, heading[1]!.length + headingOffset);
      const text = heading[2]!;
      const id = text
        .replace(/[`*]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      out.push(`<h${level} id="${escapeHtml(id)}">${inlineHtml(text)}</h${level}>`);
    } else if (line.trim().startsWith('|') && isRule(lines[i + 1] ?? '')) {
      flush();
      const head = cells(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.trim().startsWith('|')) rows.push(cells(lines[i++]!));
      i--;
      out.push(
        '<table>',
        `<thead><tr>${head.map((c) => `<th>${inlineHtml(c)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...rows.map((r) => `<tr>${r.map((c) => `<td>${inlineHtml(c)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      );
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return out.join('\n');
}
