/**
 * The platform's security model (`wippyai/docs` `en/system/security.md`; `wippyai/runtime`
 * `service/security/policy/`, `system/security/scope.go`, `runtime/security/access.go`) as the
 * playground holds it: policy entries read from a registry file, an actor, a scope, strict mode.
 *
 * A `Policy` is plain data (it crosses `postMessage` to the worker): expressions and regular
 * expressions are compiled where they are evaluated (`policy.ts`), not stored here.
 */

export type Effect = 'allow' | 'deny';

/** The two actions `websocket.connect` checks (`runtime/lua/modules/websocket/module.go`). */
export type PolicyAction = 'websocket.connect' | 'websocket.connect.url';

/** A pattern filter as the YAML gave it: `"*"`, one pattern, or a list (`matchesFilter`). */
export type Filter = string | string[];

/** `api/service/security/policy/config.go` `Condition`. */
export interface Condition {
  field: string;
  operator: ConditionOperator;
  /** Present when the YAML gave `value` (any YAML value). */
  value?: unknown;
  /** Another field path whose value is compared instead of `value`. */
  value_from?: string;
}

export const CONDITION_OPERATORS = [
  'eq',
  'ne',
  'lt',
  'gt',
  'lte',
  'gte',
  'in',
  'nin',
  'exists',
  'nexists',
  'contains',
  'ncontains',
  'matches',
  'nmatches',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

interface EntryBase {
  /** `namespace:name`, the registry ID explanations name. */
  id: string;
  actions: Filter;
  resources: Filter;
  effect: Effect;
  /** Group IDs (`namespace:group`) this entry belongs to. */
  groups: string[];
  /** 1-based line of the entry in the registry file, for the panel. */
  line: number;
}

/** Kind `security.policy`: conditions, all of which must hold (`policy.go`). */
export interface ConditionPolicy extends EntryBase {
  kind: 'security.policy';
  conditions: Condition[];
}

/** Kind `security.policy.expr`: an expr-lang expression that must be true (`expr_policy.go`). */
export interface ExprPolicy extends EntryBase {
  kind: 'security.policy.expr';
  expression: string;
}

export type PolicyEntry = ConditionPolicy | ExprPolicy;

/** `api/security/security.go` `Actor`: who runs the script. */
export interface Actor {
  id: string;
  meta: Record<string, unknown>;
}

/**
 * The run's scope: the entries of these groups plus these single entries (IDs
 * `namespace:name`), as a service's `security: {groups, policies}` builds it.
 */
export interface Scope {
  groups: string[];
  policies: string[];
}

export interface Policy {
  /** The registry file as written (YAML): what the panel edits and exports. */
  source: string;
  /** Its namespace (`namespace:` of the file). */
  namespace: string;
  /** Its `security.policy` and `security.policy.expr` entries, validated. */
  entries: PolicyEntry[];
  /** No actor in the security context when null. */
  actor: Actor | null;
  /** No scope in the security context when null. */
  scope: Scope | null;
  /** `security.strict_mode`: deny when the context has no actor or no scope. */
  strict: boolean;
}

/**
 * The platform's result (`api/security` `Result`) plus `no-context` for a check made without
 * an actor or a scope (`access.go`: allowed unless strict mode).
 */
export type Outcome = 'allow' | 'deny' | 'undefined' | 'no-context';

/** What one entry made of a request, for explanations. */
export interface EntryVerdict {
  id: string;
  result: 'allow' | 'deny' | 'undefined';
  /** Why, in a few words: `action does not match`, `actor.meta.role eq "admin" failed`. */
  why: string;
}

/** Why a request was allowed or denied: the deciding entry (by ID), or why none decided. */
export interface Decision {
  allowed: boolean;
  /** One of the PolicyActions for websocket checks; any action for `decide`. */
  action: string;
  /** The resource checked: `""` for `websocket.connect`, the URL as written for `.url`. */
  resource: string;
  outcome: Outcome;
  /** The entry that decided (`namespace:name`); absent when none did. */
  entry?: string;
  /** What each entry of the scope made of the request, in scope order. */
  verdicts: EntryVerdict[];
  /** One sentence for people, naming the deciding entry and the conditions that held. */
  explanation: string;
}
