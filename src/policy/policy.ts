/**
 * The policy decision, a pure function of the policy and the request (`websocket-module.md`,
 * "Policy"):
 *
 * - a `websocket.connect` rule applies to every request for that action (it has no resource);
 * - a `websocket.connect.url` rule applies when its glob (`glob.ts`) matches the URL, or when
 *   it has no glob;
 * - when rules of both effects apply, deny wins; the first applying rule of the winning effect
 *   is named as the decider; when none applies, the default effect decides.
 *
 * The URL is the one the script wrote (not the demo-hosts route). A rule also applies when its
 * glob matches the URL's normal form, as the WHATWG URL parser (and so the socket) will read
 * it: otherwise `ws://h:1\admin`, `ws://%61dmin.h/` or `ws://127.1/` would slip past deny
 * rules written for `ws://h:1/admin`, `ws://admin.h/` or `ws://127.0.0.1/`. Matching the normal
 * form can only find the host the socket really dials, so it never widens an allow rule to
 * another host.
 *
 * Deny rules over URL text are still a best effort (a host has many spellings: DNS names,
 * decimal IPs); a default of deny with allow rules is the form to rely on, and the relay's
 * server-side list is the boundary for a hosted deployment (`playground.md`, part 6).
 */
import { globMatches } from './glob.ts';
import type { Decision, Effect, Policy, PolicyAction, PolicyRule } from './types.ts';

export const CONNECT: PolicyAction = 'websocket.connect';
export const CONNECT_URL: PolicyAction = 'websocket.connect.url';

/** `deny websocket.connect.url ws://*:*\/admin*`: how rules are shown to people. */
export function describeRule(rule: PolicyRule): string {
  const resource = rule.resource === undefined ? '' : ` ${rule.resource}`;
  return `${rule.effect} ${rule.action}${resource}`;
}

interface Match {
  index: number;
  rule: PolicyRule;
  /** Set when only the URL's normal form matched, not the URL as written. */
  normalForm?: string;
}

export function evaluate(policy: Policy, action: PolicyAction, resource?: string): Decision {
  const spellings = resource === undefined ? [] : urlSpellings(resource);
  const first: Partial<Record<Effect, Match>> = {};
  policy.rules.forEach((rule, index) => {
    if (rule.action !== action || first[rule.effect]) return;
    const match = matchRule(rule, index, spellings);
    if (match) first[rule.effect] = match;
  });
  const base = { action, ...(resource === undefined ? {} : { resource }) };

  const decider = first.deny ?? first.allow;
  if (!decider) {
    return {
      ...base,
      allowed: policy.default === 'allow',
      ruleIndex: null,
      explanation: explainDefault(policy, action, resource),
    };
  }
  const allowed = decider.rule.effect === 'allow';
  let explanation = `${allowed ? 'allowed' : 'denied'} by ${ruleName(decider)}`;
  if (decider.normalForm !== undefined)
    explanation += `, which matches the URL read as ${decider.normalForm}`;
  if (first.deny && first.allow) explanation += `; deny wins over ${ruleName(first.allow)}`;
  return { ...base, allowed, ruleIndex: decider.index, rule: decider.rule, explanation };
}

/**
 * The check `websocket.connect` runs before opening anything: may this run connect at all,
 * then may it open this URL. Returns the first denial, or the final allow.
 */
export function checkConnect(policy: Policy, url: string): Decision {
  const mayConnect = evaluate(policy, CONNECT);
  if (!mayConnect.allowed) return mayConnect;
  return evaluate(policy, CONNECT_URL, url);
}

/** Whether two policies make the same decisions for the same reasons (same rules, same order). */
export function samePolicy(a: Policy, b: Policy): boolean {
  return (
    a.version === b.version &&
    a.default === b.default &&
    a.rules.length === b.rules.length &&
    a.rules.every((rule, i) => {
      const other = b.rules[i]!;
      return (
        rule.effect === other.effect &&
        rule.action === other.action &&
        rule.resource === other.resource
      );
    })
  );
}

function matchRule(rule: PolicyRule, index: number, spellings: string[]): Match | undefined {
  if (rule.action === CONNECT || rule.resource === undefined) return { index, rule };
  const pattern = rule.resource;
  const hit = spellings.findIndex((spelling) => globMatches(pattern, spelling));
  if (hit < 0) return undefined;
  return hit === 0 ? { index, rule } : { index, rule, normalForm: spellings[hit] };
}

/** The URL as written, then its WHATWG normal form when that differs. */
function urlSpellings(url: string): string[] {
  let normal: string;
  try {
    normal = new URL(url).href;
  } catch {
    return [url];
  }
  return normal === url ? [url] : [url, normal];
}

function ruleName(match: Match): string {
  return `rule ${match.index + 1} (${describeRule(match.rule)})`;
}

function explainDefault(
  policy: Policy,
  action: PolicyAction,
  resource: string | undefined,
): string {
  const verdict = `${policy.default === 'allow' ? 'allowed' : 'denied'} by default`;
  if (action === CONNECT_URL) {
    return `${verdict} (no ${CONNECT_URL} rule matches ${resource ?? 'a missing URL'})`;
  }
  // A common surprise: default deny plus URL allow rules, but nothing allows connecting at all.
  const urlAllows = policy.rules.some(
    (rule) => rule.action === CONNECT_URL && rule.effect === 'allow',
  );
  if (policy.default === 'deny' && urlAllows) {
    return `${verdict} (no ${CONNECT} rule; URL rules are consulted only once "allow ${CONNECT}" is a rule)`;
  }
  return `${verdict} (no ${action} rule)`;
}
