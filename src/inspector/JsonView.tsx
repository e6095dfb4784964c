/**
 * A JSON frame, pretty-printed and foldable: each object and array is a native <details>, so
 * folding works with the keyboard (Enter/Space on its summary) and costs no script.
 */
import type { ReactNode } from 'react';
import { foldedSummary, prettyJson, TREE_NODE_LIMIT, type JsonNode } from './json-tree.ts';

/** Levels open at first; deeper ones start folded. */
const OPEN_LEVELS = 4;

function Scalar({ node }: { node: Extract<JsonNode, { raw: string }> }) {
  return <span className={`json-${node.type}`}>{node.raw}</span>;
}

function Entry({
  label,
  node,
  depth,
  last,
}: {
  label?: ReactNode;
  node: JsonNode;
  depth: number;
  last: boolean;
}) {
  const comma = last ? '' : ',';
  const key = label !== undefined && (
    <>
      <span className="json-key">{label}</span>
      {': '}
    </>
  );
  if (node.type !== 'object' && node.type !== 'array') {
    return (
      <div className="json-line">
        {key}
        <Scalar node={node} />
        {comma}
      </div>
    );
  }
  const [open, close] = node.type === 'object' ? ['{', '}'] : ['[', ']'];
  const children =
    node.type === 'object'
      ? node.entries.map(([k, v], i) => (
          <Entry
            key={i}
            label={k}
            node={v}
            depth={depth + 1}
            last={i === node.entries.length - 1}
          />
        ))
      : node.items.map((v, i) => (
          <Entry key={i} node={v} depth={depth + 1} last={i === node.items.length - 1} />
        ));
  if (children.length === 0) {
    return (
      <div className="json-line">
        {key}
        {open + close + comma}
      </div>
    );
  }
  return (
    <details className="json-node" open={depth < OPEN_LEVELS}>
      <summary className="json-line">
        {key}
        {open}
        <span className="json-folded">
          {' '}
          {foldedSummary(node)} {close}
          {comma}
        </span>
      </summary>
      <div className="json-children">{children}</div>
      <div className="json-line">
        {close}
        {comma}
      </div>
    </details>
  );
}

export function JsonView({ root, nodes }: { root: JsonNode; nodes: number }) {
  if (nodes > TREE_NODE_LIMIT) {
    return (
      <pre className="frame-detail-body" data-testid="inspector.json-pretty">
        {prettyJson(root)}
      </pre>
    );
  }
  return (
    <div className="frame-detail-body json-view" data-testid="inspector.json-pretty">
      <Entry node={root} depth={0} last />
    </div>
  );
}
