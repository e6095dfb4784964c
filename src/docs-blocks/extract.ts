/**
 * The ```lua (or other) blocks of a Markdown page, each known by its page, its number on the page (from 1)
 * and the page line of its first line of code: the key the expected table uses
 * (`process#3`), and the `page:line` a failure names.
 */
export interface DocBlock {
  /** The page's short name (pages.ts), e.g. `process`. */
  page: string;
  /** 1-based, in page order, counting ```lua blocks only. */
  index: number;
  /** The page line of the block's first line of code (1-based). */
  line: number;
  code: string;
}

/** `process#3`: a block's key in the expected table. */
export const blockKey = (block: Pick<DocBlock, 'page' | 'index'>) => `${block.page}#${block.index}`;

/**
 * Fenced blocks opened by ```lua (any indentation, as the docs nest them in lists) and closed by
 * the next fence of at least three backticks; other fences are skipped whole, so a ```lua inside
 * a ```markdown example is not taken for a block.
 */
export function extractLuaBlocks(page: string, markdown: string): DocBlock[] {
  return extractBlocks(page, markdown, 'lua');
}

/** The blocks of one fence language (`lua`, `yaml`), numbered among themselves. */
export function extractBlocks(page: string, markdown: string, language: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  let open: { lua: boolean; fence: string; indent: number; start: number; body: string[] } | null =
    null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const fence = /^(\s*)(`{3,})\s*([\w-]*)/.exec(text);
    if (!open) {
      if (fence)
        open = {
          lua: fence[3]!.toLowerCase() === language,
          fence: fence[2]!,
          indent: fence[1]!.length,
          start: i + 2,
          body: [],
        };
      continue;
    }
    if (fence && fence[2]!.length >= open.fence.length && fence[3] === '') {
      if (open.lua)
        blocks.push({
          page,
          index: blocks.length + 1,
          line: open.start,
          code: open.body.join('\n'),
        });
      open = null;
      continue;
    }
    // A fence indented in a list: its lines carry the same indentation.
    open.body.push(text.startsWith(' '.repeat(open.indent)) ? text.slice(open.indent) : text);
  }
  return blocks;
}

/** The block's first line of code, for messages (comments and blank lines skipped when others follow). */
export function firstLine(code: string): string {
  const lines = code.split('\n').map((l) => l.trim());
  return lines.find((l) => l !== '' && !l.startsWith('--')) ?? lines.find((l) => l !== '') ?? '';
}
