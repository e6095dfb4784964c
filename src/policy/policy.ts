/**
 * The decision, a pure function of the policy and the request, as the platform makes it:
 *
 * - `runtime/security/access.go` `IsAllowed`: with an actor and a scope, the scope decides and
 *   only `allow` passes; without either, the check is allowed unless strict mode is on.
 * - `system/security/scope.go` `Evaluate`: every entry of the scope is evaluated; any `deny`
 *   wins, else any `allow`, else `undefined` (which denies). Order does not matter; the entry
 *   named is the first in the file that gave the winning result.
 * - `service/security/policy/policy.go` / `expr_policy.go`: an entry applies when its
 *   `actions` match the action and its `resources` the resource (`match.ts`), and then all of
 *   its conditions hold (`conditions.ts`) or its expression is true (`expr-eval.ts`); an
 *   error anywhere makes it undefined.
 *
 * `websocket.connect` is checked with the resource `""` (only `"*"` matches it), then
 * `websocket.connect.url` with the URL exactly as the script wrote it (no normal form).
 * The explanation (which entry decided, which conditions held, why nothing decided) is a
 * playground addition: the platform returns the result only.
 */
import { conditionPatterns, evaluateCondition } from './conditions.ts';
import type { Request } from './conditions.ts';
import { parseExpr } from './expr.ts';
import type { ExprNode } from './expr.ts';
import { evaluateExpr, goType } from './expr-eval.ts';
import { matchesFilter } from './match.ts';
import type { Decision, EntryVerdict, Filter, Policy, PolicyAction, PolicyEntry } from './types.ts';

export const CONNECT: PolicyAction = 'websocket.connect';
export const CONNECT_URL: PolicyAction = 'websocket.connect.url';

/** How many undecided entries an explanation lists before "and N more". */
const LISTED = 4;

export function evaluate(policy: Policy, action: PolicyAction, resource = ''): Decision {
  return decide(policy, action, resource, null);
}

/**
 * `security.IsAllowed` for any action, resource and check metadata (the platform's own
 * examples use `read` on `document:123` with `{owner = ...}`); websocket checks pass no
 * metadata.
 */
export function decide(
  policy: Policy,
  action: string,
  resource: string,
  meta: Record<string, unknown> | null,
): Decision {
  const base = { action, resource };
  if (policy.actor === null || policy.scope === null) {
    const missing = [policy.actor === null && 'no actor', policy.scope === null && 'no scope']
      .filter(Boolean)
      .join(' and ');
    return {
      ...base,
      allowed: !policy.strict,
      outcome: 'no-context',
      verdicts: [],
      explanation: policy.strict
        ? `denied: the security context has ${missing}, and strict mode denies an incomplete context`
        : `allowed: the security context has ${missing}, and without strict mode the platform allows an incomplete context`,
    };
  }
  const request: Request = { actor: policy.actor, action, resource, meta };
  const { entries, missing } = resolveScope(policy);
  const verdicts = entries.map((entry) => evaluateEntry(entry, request));
  const deny = verdicts.filter((v) => v.result === 'deny');
  const allow = verdicts.filter((v) => v.result === 'allow');
  const decider = deny[0] ?? allow[0];
  if (!decider) {
    return {
      ...base,
      allowed: false,
      outcome: 'undefined',
      verdicts,
      explanation: explainUndefined(verdicts, missing),
    };
  }
  const allowed = decider.result === 'allow';
  let explanation = `${allowed ? 'allowed' : 'denied'} by ${decider.id} (${decider.why})`;
  const others = (allowed ? allow : deny).slice(1);
  if (others.length)
    explanation += `; also ${decider.result}: ${others.map((v) => v.id).join(', ')}`;
  if (!allowed && allow.length)
    explanation += `; deny wins over ${allow.map((v) => v.id).join(', ')}`;
  return { ...base, allowed, outcome: decider.result, entry: decider.id, verdicts, explanation };
}

/**
 * The two checks `websocket.connect` makes before opening anything, for the URL tester: may
 * this run connect at all, then may it open this URL. Returns the first denial, or the final
 * allow. (The module itself makes them one by one, with its URL argument check between.)
 */
export function checkConnect(policy: Policy, url: string): Decision {
  const mayConnect = evaluate(policy, CONNECT, '');
  if (!mayConnect.allowed) return mayConnect;
  return evaluate(policy, CONNECT_URL, url);
}

/** The entries of the scope's groups and single entries, each once, in file order. */
export function resolveScope(policy: Policy): { entries: PolicyEntry[]; missing: string[] } {
  const scope = policy.scope ?? { groups: [], policies: [] };
  const groups = new Set(scope.groups.map((g) => qualify(g, policy.namespace)));
  const ids = new Set(scope.policies.map((p) => qualify(p, policy.namespace)));
  const entries = policy.entries.filter(
    (entry) => ids.has(entry.id) || entry.groups.some((g) => groups.has(g)),
  );
  const missing = [
    ...[...groups]
      .filter((g) => !policy.entries.some((e) => e.groups.includes(g)))
      .map((g) => `group ${g}`),
    ...[...ids].filter((id) => !policy.entries.some((e) => e.id === id)).map((id) => `entry ${id}`),
  ];
  return { entries, missing };
}

/** `admin` in the file's namespace is `app.security:admin`; a full ID stays as it is. */
export function qualify(name: string, namespace: string): string {
  return name.includes(':') ? name : `${namespace}:${name}`;
}

export function evaluateEntry(entry: PolicyEntry, request: Request): EntryVerdict {
  const undecided = (why: string): EntryVerdict => ({ id: entry.id, result: 'undefined', why });
  if (!matchesFilter(entry.actions, request.action)) {
    return undecided(
      `action ${request.action} does not match actions ${showFilter(entry.actions)}`,
    );
  }
  if (!matchesFilter(entry.resources, request.resource)) {
    const what =
      request.resource === ''
        ? 'the empty resource of websocket.connect'
        : `resource ${JSON.stringify(request.resource)}`;
    return undecided(`${what} does not match resources ${showFilter(entry.resources)}`);
  }
  const effect = entry.effect;
  const applies = `${effect} ${showFilter(entry.actions)} on ${showFilter(entry.resources)}`;
  if (entry.kind === 'security.policy.expr') {
    let value: unknown;
    try {
      value = evaluateExpr(compiled(entry.expression), request);
    } catch (e) {
      return undecided(`expression failed: ${(e as Error).message}`);
    }
    if (typeof value !== 'boolean')
      return undecided(`expression did not return boolean (${goType(value)})`);
    if (!value) return undecided('expression is false');
    return { id: entry.id, result: effect, why: `${applies}; expression is true` };
  }
  if (entry.conditions.length === 0) return { id: entry.id, result: effect, why: applies };
  const patterns = conditionPatterns(entry.conditions);
  const held: string[] = [];
  for (const condition of entry.conditions) {
    const result = evaluateCondition(condition, request, patterns);
    if (!result.held) {
      const how = result.error ? 'failed' : 'does not hold';
      return undecided(`condition ${result.text} ${how} (${result.found})`);
    }
    held.push(`${result.text} (${result.found})`);
  }
  return { id: entry.id, result: effect, why: `${applies}; conditions held: ${held.join(', ')}` };
}

const exprCache = new Map<string, ExprNode>();

function compiled(expression: string): ExprNode {
  let node = exprCache.get(expression);
  if (!node) {
    node = parseExpr(expression);
    if (exprCache.size >= 256) exprCache.delete(exprCache.keys().next().value as string);
    exprCache.set(expression, node);
  }
  return node;
}

function explainUndefined(verdicts: EntryVerdict[], missing: string[]): string {
  let text = 'denied: no entry of the scope allows or denies this, and undefined denies';
  if (verdicts.length === 0) text = 'denied: the scope holds no policy entry, and undefined denies';
  const listed = verdicts.slice(0, LISTED).map((v) => `${v.id}: ${v.why}`);
  if (verdicts.length > LISTED) listed.push(`and ${verdicts.length - LISTED} more`);
  if (listed.length) text += ` (${listed.join('; ')})`;
  if (missing.length)
    text += `; the scope names ${missing.join(', ')}, which the file does not define`;
  return text;
}

export function showFilter(filter: Filter): string {
  return typeof filter === 'string'
    ? JSON.stringify(filter)
    : `[${filter.map((f) => JSON.stringify(f)).join(', ')}]`;
}
