/**
 * Generic traversal of the syntax tree: every property that holds a node (an object with a
 * string `kind`) or an array of nodes is a child, in source order of the fields.
 */
import type { Node } from './ast.ts';

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).kind === 'string';
}

/**
 * Fields that never hold a node, skipped without a look (this is the front end's hot loop).
 * `name` and `value` are not here: some nodes keep a node under them (NamedField.value).
 */
const SCALAR_KEYS = new Set([
  'kind', 'start', 'end', 'line', 'col', 'raw', 'op', 'opStart', 'bangStart', 'message',
  'isMethod', 'readonly', 'optional', 'isInterface', 'integer', 'module', 'param', 'style',
]); // prettier-ignore

export function forEachChild(node: Node, visit: (child: Node) => void): void {
  const fields = node as unknown as Record<string, unknown>;
  for (const key in fields) {
    if (SCALAR_KEYS.has(key)) continue;
    const value = fields[key];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (isNode(value[i])) visit(value[i] as Node);
    } else if (isNode(value)) {
      visit(value);
    }
  }
}

/** Every node below `node` (pre-order); `enter` returning false skips a node's children. */
export function walk(node: Node, enter: (node: Node) => boolean | void): void {
  if (enter(node) === false) return;
  forEachChild(node, (child) => walk(child, enter));
}
