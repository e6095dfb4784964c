/**
 * Bounds on a parsed registry file, checked in one linear walk before anything reads it
 * (security audit 2, L1). `yaml`'s own duplicate-key check (`uniqueKeys`) compares every new
 * key of a mapping with all the earlier ones: 40,000 short keys under the length cap took
 * 23-46 s. The file is parsed with that check off and this walk refuses duplicates with a
 * `Set` per mapping, the same rule as `yaml`'s (scalar keys with equal values), and caps the
 * number of nodes and the nesting depth so that what follows (`toJS`, the reader) stays small.
 * The walk uses its own stack, so no depth of nesting can overflow the call stack.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';

/** At most this many YAML nodes (scalars, maps, lists, aliases) in a registry file. */
export const MAX_YAML_NODES = 50_000;
/** At most this deep a nesting of maps and lists. */
export const MAX_YAML_DEPTH = 64;

export interface YamlBoundProblem {
  /** Offset in the text of the node at fault. */
  offset: number;
  message: string;
}

export function checkYamlBounds(doc: Document): YamlBoundProblem | null {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  let count = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    count++;
    const offset = offsetOf(node);
    if (count > MAX_YAML_NODES) {
      return { offset, message: `the registry file has more than ${MAX_YAML_NODES} YAML nodes` };
    }
    if (isScalar(node) || isAlias(node)) continue;
    if (depth > MAX_YAML_DEPTH) {
      return { offset, message: `the registry file nests deeper than ${MAX_YAML_DEPTH} levels` };
    }
    if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    } else if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          // A key counts as a node too: `k0:` with no value still costs its key.
          count++;
          if (keys.has(pair.key.value)) {
            return { offset: offsetOf(pair.key), message: 'Map keys must be unique' };
          }
          keys.add(pair.key.value);
        } else {
          stack.push({ node: pair.key, depth: depth + 1 });
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    }
  }
  return null;
}

function offsetOf(node: unknown): number {
  const range = (node as { range?: [number, number, number] | null }).range;
  return range ? range[0] : 0;
}
