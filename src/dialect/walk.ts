/**
 * Generic traversal of the syntax tree: every property that holds a node (an object with a
 * string `kind`) or an array of nodes is a child, in source order of the fields.
 */
import type { Node } from './ast.ts';

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).kind === 'string';
}

export function forEachChild(node: Node, visit: (child: Node) => void): void {
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item);
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
