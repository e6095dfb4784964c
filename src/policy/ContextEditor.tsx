/**
 * The run's security context: the actor (id and meta), the scope (groups and single entries)
 * and strict mode. An actor or scope switched off is missing from the context, which the
 * platform allows unless strict mode is on (`runtime/security/access.go`).
 */
import { useState } from 'react';
import type { Actor, Policy, Scope } from './types.ts';
import { readActor } from './serialize.ts';
import { resolveScope } from './policy.ts';

export interface ContextEditorProps {
  policy: Policy;
  revision: number;
  onChange(policy: Policy): void;
}

const NEW_ACTOR: Actor = { id: 'user:1', meta: {} };
const NEW_SCOPE: Scope = { groups: [], policies: [] };

function splitNames(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A text field that keeps what the person types (a trailing comma, an empty moment) while the
 * policy gets the parsed value; remounted (by key) when the policy is replaced.
 */
function DraftInput(props: {
  value: string;
  disabled: boolean;
  placeholder: string;
  label: string;
  testId: string;
  onChange(text: string): void;
}) {
  const [text, setText] = useState(props.value);
  return (
    <input
      className="input mono"
      value={text}
      disabled={props.disabled}
      placeholder={props.placeholder}
      spellCheck={false}
      aria-label={props.label}
      data-testid={props.testId}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(e.target.value);
      }}
    />
  );
}

export function ContextEditor({ policy, revision, onChange }: ContextEditorProps) {
  const { actor, scope } = policy;
  const metaText = actor ? JSON.stringify(actor.meta) : '{}';
  const [metaDraft, setMetaDraft] = useState({ revision, text: metaText, error: '' });
  const meta =
    metaDraft.revision === revision ? metaDraft : { revision, text: metaText, error: '' };
  const groups = [...new Set(policy.entries.flatMap((e) => e.groups))];
  const missing = scope ? resolveScope(policy).missing : [];

  function editMeta(text: string) {
    let error = '';
    try {
      const read = readActor({ id: actor?.id ?? NEW_ACTOR.id, meta: JSON.parse(text) as unknown });
      if (typeof read === 'string') error = read.replace('"actor.meta"', 'meta');
      else if (read && actor) onChange({ ...policy, actor: { ...actor, meta: read.meta } });
    } catch (e) {
      error = `not JSON: ${(e as Error).message}`;
    }
    setMetaDraft({ revision, text, error });
  }

  return (
    <div className="context">
      <label className="context-row">
        <input
          type="checkbox"
          checked={actor !== null}
          onChange={(e) => onChange({ ...policy, actor: e.target.checked ? NEW_ACTOR : null })}
          data-testid="policy.actor-enabled"
        />
        <span className="context-label">Actor</span>
        <DraftInput
          key={`actor-${revision}-${actor === null}`}
          value={actor?.id ?? ''}
          disabled={actor === null}
          placeholder="user:1"
          label="Actor ID"
          testId="policy.actor-id"
          onChange={(text) =>
            actor &&
            text.trim() !== '' &&
            onChange({ ...policy, actor: { ...actor, id: text.trim() } })
          }
        />
      </label>
      <label className="context-row">
        <span className="context-label indent">meta</span>
        <input
          className="input mono"
          value={meta.text}
          disabled={actor === null}
          spellCheck={false}
          aria-label="Actor meta (JSON)"
          data-testid="policy.actor-meta"
          onChange={(e) => editMeta(e.target.value)}
        />
      </label>
      {meta.error && <p className="error-note">{meta.error}</p>}
      <label className="context-row">
        <input
          type="checkbox"
          checked={scope !== null}
          onChange={(e) => onChange({ ...policy, scope: e.target.checked ? NEW_SCOPE : null })}
          data-testid="policy.scope-enabled"
        />
        <span className="context-label">Scope groups</span>
        <DraftInput
          key={`groups-${revision}-${scope === null}`}
          value={scope?.groups.join(', ') ?? ''}
          disabled={scope === null}
          placeholder={groups.join(', ') || 'app.security:default'}
          label="Scope groups"
          testId="policy.scope-groups"
          onChange={(text) =>
            scope && onChange({ ...policy, scope: { ...scope, groups: splitNames(text) } })
          }
        />
      </label>
      <label className="context-row">
        <span className="context-label indent">entries</span>
        <DraftInput
          key={`policies-${revision}-${scope === null}`}
          value={scope?.policies.join(', ') ?? ''}
          disabled={scope === null}
          placeholder="app.security:some_policy"
          label="Scope entries"
          testId="policy.scope-policies"
          onChange={(text) =>
            scope && onChange({ ...policy, scope: { ...scope, policies: splitNames(text) } })
          }
        />
      </label>
      {missing.length > 0 && (
        <p className="error-note" data-testid="policy.scope-missing">
          The scope names {missing.join(', ')}, which the file does not define (the platform would
          not build this scope).
        </p>
      )}
      {groups.length > 0 && <p className="hint">Groups in the file: {groups.join(', ')}</p>}
      <label className="context-row">
        <input
          type="checkbox"
          checked={policy.strict}
          onChange={(e) => onChange({ ...policy, strict: e.target.checked })}
          data-testid="policy.strict"
        />
        <span className="context-label">Strict mode</span>
        <span className="hint inline">deny when the context has no actor or no scope</span>
      </label>
    </div>
  );
}
