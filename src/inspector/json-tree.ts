/**
 * A text frame that is JSON, as a tree the frame detail can pretty-print and fold. Scalars keep
 * their source text: JSON.parse would round 12345678901234567890 and rewrite "\u00e9", and the
 * pretty view must show what was on the wire, only laid out.
 */

export type JsonNode =
  | { type: 'object'; entries: [key: string, value: JsonNode][] }
  | { type: 'array'; items: JsonNode[] }
  | { type: 'string' | 'number' | 'literal'; raw: string };

/** Larger documents are shown as pretty text without folding: a DOM node per value is costly. */
export const TREE_NODE_LIMIT = 5000;

/**
 * The tree of `text` when it is a JSON object or array (a bare scalar gains nothing from a
 * pretty view), else null. `nodes` counts the values, for the caller's TREE_NODE_LIMIT.
 */
export function parseJsonTree(text: string): { root: JsonNode; nodes: number } | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
  try {
    JSON.parse(trimmed); // the validator; the reader below may then trust its input
  } catch {
    return null;
  }
  const reader = new Reader(trimmed);
  try {
    const root = reader.value();
    return { root, nodes: reader.nodes };
  } catch (e) {
    if (e instanceof TooDeep) return null; // shown raw: a folded tree 200 levels deep helps nobody
    throw e;
  }
}

/** Deeper documents are shown raw: the reader and the view recurse once per level. */
export const MAX_DEPTH = 200;

class TooDeep extends Error {}

const SCALAR = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

class Reader {
  private at = 0;
  private depth = 0;
  nodes = 0;

  constructor(private readonly text: string) {}

  value(): JsonNode {
    this.nodes++;
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '{' || c === '[') {
      if (++this.depth > MAX_DEPTH) throw new TooDeep();
      const node = c === '{' ? this.object() : this.array();
      this.depth--;
      return node;
    }
    SCALAR.lastIndex = this.at;
    const raw = SCALAR.exec(this.text)![0];
    this.at += raw.length;
    return {
      type: c === '"' ? 'string' : c === 't' || c === 'f' || c === 'n' ? 'literal' : 'number',
      raw,
    };
  }

  private object(): JsonNode {
    const entries: [string, JsonNode][] = [];
    this.at++;
    while (this.next() !== '}') {
      if (this.text[this.at] === ',') this.at++;
      this.skipSpace();
      SCALAR.lastIndex = this.at;
      const key = SCALAR.exec(this.text)![0];
      this.at += key.length;
      this.skipSpace();
      this.at++; // ':'
      entries.push([key, this.value()]);
    }
    this.at++;
    return { type: 'object', entries };
  }

  private array(): JsonNode {
    const items: JsonNode[] = [];
    this.at++;
    while (this.next() !== ']') {
      if (this.text[this.at] === ',') this.at++;
      items.push(this.value());
    }
    this.at++;
    return { type: 'array', items };
  }

  private next(): string {
    this.skipSpace();
    return this.text[this.at];
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }
}

/** The tree as indented text (two spaces), scalars as written: what Copy puts on the clipboard. */
export function prettyJson(node: JsonNode, indent = ''): string {
  const inner = indent + '  ';
  if (node.type === 'object') {
    if (node.entries.length === 0) return '{}';
    const lines = node.entries.map(([key, value]) => `${inner}${key}: ${prettyJson(value, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  if (node.type === 'array') {
    if (node.items.length === 0) return '[]';
    const lines = node.items.map((item) => inner + prettyJson(item, inner));
    return `[\n${lines.join(',\n')}\n${indent}]`;
  }
  return node.raw;
}

/** "{3}" / "[12]": what a folded object or array says about itself. */
export function foldedSummary(node: JsonNode): string {
  if (node.type === 'object') return `{${node.entries.length}}`;
  if (node.type === 'array') return `[${node.items.length}]`;
  return node.raw;
}
