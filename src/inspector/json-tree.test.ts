import { describe, expect, it } from 'vitest';
import { foldedSummary, MAX_DEPTH, parseJsonTree, prettyJson } from './json-tree.ts';

describe('parseJsonTree / prettyJson', () => {
  it('pretty-prints an object with two-space indents', () => {
    const tree = parseJsonTree(
      '{"type":"data","payload":{"price":[1,2.5,-3e2]},"ok":true,"n":null}',
    );
    expect(prettyJson(tree!.root)).toBe(
      [
        '{',
        '  "type": "data",',
        '  "payload": {',
        '    "price": [',
        '      1,',
        '      2.5,',
        '      -3e2',
        '    ]',
        '  },',
        '  "ok": true,',
        '  "n": null',
        '}',
      ].join('\n'),
    );
    expect(tree!.nodes).toBe(9);
  });

  it('keeps scalars exactly as written: big integers, escapes, spacing inside strings', () => {
    const text = '[12345678901234567890, "caf\\u00e9 \\"q\\"", "a , b : c", {}, []]';
    const tree = parseJsonTree(text)!;
    expect(prettyJson(tree.root)).toBe(
      '[\n  12345678901234567890,\n  "caf\\u00e9 \\"q\\"",\n  "a , b : c",\n  {},\n  []\n]',
    );
    expect(JSON.parse(prettyJson(tree.root))).toEqual(JSON.parse(text));
  });

  it('reads whitespace anywhere JSON allows it', () => {
    const tree = parseJsonTree(' \n{ "a" :\t[ 1 , { "b" : "c" } ] }\r\n')!;
    expect(JSON.parse(prettyJson(tree.root))).toEqual({ a: [1, { b: 'c' }] });
  });

  it('gives null for text that is not a JSON object or array', () => {
    expect(parseJsonTree('hello')).toBeNull();
    expect(parseJsonTree('{"a":')).toBeNull();
    expect(parseJsonTree('{"a":1} trailing')).toBeNull();
    expect(parseJsonTree('42')).toBeNull();
    expect(parseJsonTree('"just a string"')).toBeNull();
  });

  it('summarises a folded value by its size', () => {
    const tree = parseJsonTree('{"a":[1,2,3],"b":{}}')!;
    expect(foldedSummary(tree.root)).toBe('{2}');
    if (tree.root.type !== 'object') throw new Error('object expected');
    expect(foldedSummary(tree.root.entries[0][1])).toBe('[3]');
  });
});

describe('parseJsonTree depth', () => {
  it('gives null for a document nested deeper than MAX_DEPTH (shown raw)', () => {
    expect(parseJsonTree('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH))).not.toBeNull();
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    expect(parseJsonTree(deep)).toBeNull();
  });
});
