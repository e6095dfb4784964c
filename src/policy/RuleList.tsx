/** The ordered rules (effect, action, URL glob) and the default effect, editable in place. */
import type { Effect, Policy, PolicyAction } from './types.ts';
import {
  addRule,
  moveRule,
  removeRule,
  setAction,
  setDefault,
  setEffect,
  setResource,
} from './rule-edit.ts';
import { globWarning } from './glob.ts';

export interface RuleListProps {
  policy: Policy;
  onChange(policy: Policy): void;
  /** Index of the rule that decided the tested URL, highlighted. */
  highlight: number | null;
}

export function RuleList({ policy, onChange, highlight }: RuleListProps) {
  return (
    <div className="rules">
      <table className="rule-table">
        <thead>
          <tr>
            <th className="col-num">#</th>
            <th>effect</th>
            <th>action</th>
            <th>URL glob</th>
            <th className="col-actions" aria-label="Rule actions" />
          </tr>
        </thead>
        <tbody>
          {policy.rules.map((rule, i) => {
            const warning = rule.resource !== undefined ? globWarning(rule.resource) : undefined;
            return (
              <tr
                key={i}
                className={`rule-row ${highlight === i ? 'is-deciding' : ''}`}
                data-testid="policy.rule"
              >
                <td className="col-num">{i + 1}</td>
                <td>
                  <select
                    className={`effect-select effect-${rule.effect}`}
                    value={rule.effect}
                    aria-label={`Rule ${i + 1} effect`}
                    data-testid="policy.rule-effect"
                    onChange={(e) => onChange(setEffect(policy, i, e.target.value as Effect))}
                  >
                    <option value="allow">allow</option>
                    <option value="deny">deny</option>
                  </select>
                </td>
                <td>
                  <select
                    value={rule.action}
                    aria-label={`Rule ${i + 1} action`}
                    data-testid="policy.rule-action"
                    onChange={(e) => onChange(setAction(policy, i, e.target.value as PolicyAction))}
                  >
                    <option value="websocket.connect">websocket.connect</option>
                    <option value="websocket.connect.url">websocket.connect.url</option>
                  </select>
                </td>
                <td>
                  {rule.action === 'websocket.connect.url' ? (
                    <>
                      <input
                        className="input mono glob-input"
                        value={rule.resource ?? ''}
                        spellCheck={false}
                        aria-label={`Rule ${i + 1} URL glob`}
                        data-testid="policy.rule-resource"
                        placeholder="wss://*.example.com/*"
                        onChange={(e) => onChange(setResource(policy, i, e.target.value))}
                      />
                      {warning && <div className="glob-warning">{warning}</div>}
                    </>
                  ) : (
                    <span className="no-resource">any (may the script connect at all)</span>
                  )}
                </td>
                <td className="col-actions">
                  <button
                    type="button"
                    className="icon-btn"
                    title="Move up"
                    disabled={i === 0}
                    onClick={() => onChange(moveRule(policy, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-btn"
                    title="Move down"
                    disabled={i === policy.rules.length - 1}
                    onClick={() => onChange(moveRule(policy, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-btn icon-danger"
                    title="Delete rule"
                    data-testid="policy.rule-delete"
                    onClick={() => onChange(removeRule(policy, i))}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {policy.rules.length === 0 && (
        <p className="empty-note">No rules: the default decides everything.</p>
      )}
      <div className="rules-footer">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange(addRule(policy))}
          data-testid="policy.add-rule"
        >
          + Add rule
        </button>
        <label className="default-effect">
          Default
          <select
            className={`effect-select effect-${policy.default}`}
            value={policy.default}
            onChange={(e) => onChange(setDefault(policy, e.target.value as Effect))}
            data-testid="policy.default"
          >
            <option value="allow">allow</option>
            <option value="deny">deny</option>
          </select>
        </label>
      </div>
      <p className="hint">
        Deny wins over allow when both match; otherwise the default applies. Globs match the whole
        URL as the script wrote it.
      </p>
    </div>
  );
}
