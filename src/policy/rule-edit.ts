/**
 * Edits of a policy's rule list as pure functions returning a new policy, for the panel.
 * A `websocket.connect` rule has no resource; switching a rule to it drops the resource, and
 * switching back offers a catch-all pattern to edit.
 */
import type { Effect, Policy, PolicyAction, PolicyRule } from './types.ts';

export const NEW_RULE: PolicyRule = {
  effect: 'deny',
  action: 'websocket.connect.url',
  resource: 'wss://*.example.com/*',
};

function withRules(policy: Policy, rules: PolicyRule[]): Policy {
  return { ...policy, rules };
}

export function addRule(policy: Policy, rule: PolicyRule = NEW_RULE): Policy {
  return withRules(policy, [...policy.rules, { ...rule }]);
}

export function removeRule(policy: Policy, index: number): Policy {
  return withRules(
    policy,
    policy.rules.filter((_, i) => i !== index),
  );
}

/** Move rule `index` by `delta` places (-1 up, +1 down); out of range is a no-op. */
export function moveRule(policy: Policy, index: number, delta: number): Policy {
  const target = index + delta;
  if (index < 0 || index >= policy.rules.length || target < 0 || target >= policy.rules.length)
    return policy;
  const rules = [...policy.rules];
  [rules[index], rules[target]] = [rules[target], rules[index]];
  return withRules(policy, rules);
}

export function setEffect(policy: Policy, index: number, effect: Effect): Policy {
  return withRules(
    policy,
    policy.rules.map((r, i) => (i === index ? { ...r, effect } : r)),
  );
}

export function setAction(policy: Policy, index: number, action: PolicyAction): Policy {
  return withRules(
    policy,
    policy.rules.map((r, i) => {
      if (i !== index) return r;
      if (action === 'websocket.connect') return { effect: r.effect, action };
      return { effect: r.effect, action, resource: r.resource ?? '*' };
    }),
  );
}

export function setResource(policy: Policy, index: number, resource: string): Policy {
  return withRules(
    policy,
    policy.rules.map((r, i) =>
      i === index && r.action === 'websocket.connect.url' ? { ...r, resource } : r,
    ),
  );
}

export function setDefault(policy: Policy, effect: Effect): Policy {
  return { ...policy, default: effect };
}
