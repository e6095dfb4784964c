/**
 * The policy as JSON (`websocket-module.md`, "Policy"): the panel's import/export, permalinks'
 * `policy=`, the CLI's `--policy FILE`, and localStorage.
 *
 * `parsePolicy` never throws and never guesses: anything but the documented shape is refused
 * with a stable `kind` (below) and a sentence naming the field and, for rules, the 1-based rule
 * number the explanations use.
 *
 *   NOT_JSON       the text is not JSON
 *   NOT_OBJECT     the top level is not an object
 *   VERSION        "version" missing or not 1
 *   DEFAULT        "default" not "allow" / "deny"
 *   RULES          "rules" missing, not an array, or more than MAX_RULES
 *   RULE           a rule that is not an object
 *   EFFECT         a rule's "effect" not "allow" / "deny"
 *   ACTION         a rule's "action" missing or unknown
 *   RESOURCE       a resource on websocket.connect; one that is not a string, empty, or too long
 *   UNKNOWN_FIELD  any other field, at the top or in a rule
 */
import { DEFAULT_POLICY, clonePolicy } from './presets.ts';
import type { Effect, Policy, PolicyAction, PolicyRule } from './types.ts';

export type PolicyErrorKind =
  | 'NOT_JSON'
  | 'NOT_OBJECT'
  | 'VERSION'
  | 'DEFAULT'
  | 'RULES'
  | 'RULE'
  | 'EFFECT'
  | 'ACTION'
  | 'RESOURCE'
  | 'UNKNOWN_FIELD';

export type PolicyParse =
  | { ok: true; policy: Policy }
  /** `rule`: the 1-based number of the offending rule, when there is one. */
  | { ok: false; kind: PolicyErrorKind; error: string; rule?: number };

/** Bounds on what a link or a file can make the page hold and match. */
export const MAX_RULES = 1000;
export const MAX_RESOURCE_LENGTH = 2048;

const VERSION = 1;
const EFFECTS: readonly Effect[] = ['allow', 'deny'];
const ACTIONS: readonly PolicyAction[] = ['websocket.connect', 'websocket.connect.url'];
const POLICY_FIELDS = ['version', 'default', 'rules'];
const RULE_FIELDS = ['effect', 'action', 'resource'];

class Refusal {
  constructor(
    readonly kind: PolicyErrorKind,
    readonly error: string,
    readonly rule?: number,
  ) {}
}

export function parsePolicy(jsonText: string): PolicyParse {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (e) {
    return { ok: false, kind: 'NOT_JSON', error: `not JSON: ${(e as Error).message}` };
  }
  try {
    return { ok: true, policy: readPolicy(value) };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const { kind, error, rule } = e;
    return rule === undefined ? { ok: false, kind, error } : { ok: false, kind, error, rule };
  }
}

/** Pretty JSON in the spec's shape, one rule per line (readable in the panel and in diffs). */
export function formatPolicy(policy: Policy): string {
  const rules = policy.rules.map(
    (rule) => `    ${JSON.stringify(ruleJson(rule), null, 1).replace(/\n\s*/g, ' ')}`,
  );
  return [
    '{',
    `  "version": ${policy.version},`,
    `  "default": ${JSON.stringify(policy.default)},`,
    rules.length === 0 ? '  "rules": []' : `  "rules": [\n${rules.join(',\n')}\n  ]`,
    '}',
  ].join('\n');
}

/** The same JSON without spaces, for permalinks (`#code=...&policy=<base64url of this>`). */
export function formatPolicyCompact(policy: Policy): string {
  return JSON.stringify({
    version: policy.version,
    default: policy.default,
    rules: policy.rules.map(ruleJson),
  });
}

/*
 * localStorage. Keys carry the layout version (STYLE habit 8). v1 stores formatPolicyCompact's
 * JSON. When the layout changes, add the new key at the head of STORED_VERSIONS with its reader
 * and keep the old entries, so a saved policy survives the upgrade.
 */

export const POLICY_STORAGE_KEY = 'lua-playground.policy.v1';

const STORED_VERSIONS: readonly { key: string; read: (raw: string) => PolicyParse }[] = [
  { key: POLICY_STORAGE_KEY, read: parsePolicy },
];

/** What `localStorage` offers; passed in so tests and storage-less pages work. */
export type PolicyStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface SavedPolicy {
  /** A fresh, mutable policy. */
  policy: Policy;
  source: 'saved' | 'default';
  /** Why a saved policy was not used, for the panel to show; absent when nothing went wrong. */
  problem?: string;
}

/** The saved policy, or the default when there is none or it cannot be read. Never throws. */
export function loadSavedPolicy(storage: PolicyStorage | null): SavedPolicy {
  const fallback = (problem?: string): SavedPolicy =>
    problem === undefined
      ? { policy: clonePolicy(DEFAULT_POLICY), source: 'default' }
      : { policy: clonePolicy(DEFAULT_POLICY), source: 'default', problem };
  if (!storage) return fallback();
  for (const { key, read } of STORED_VERSIONS) {
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch (e) {
      // Disabled storage (private windows, sandboxed iframes) throws on access.
      return fallback(
        `saved policies are unavailable here (${(e as Error).message}); using the default`,
      );
    }
    if (raw === null) continue;
    const parsed = read(raw);
    if (parsed.ok) return { policy: parsed.policy, source: 'saved' };
    return fallback(`the saved policy could not be read (${parsed.error}); using the default`);
  }
  return fallback();
}

export function savePolicy(
  storage: PolicyStorage | null,
  policy: Policy,
): { ok: true } | { ok: false; error: string } {
  if (!storage) return { ok: false, error: 'no storage here: the policy lasts for this page only' };
  try {
    storage.setItem(POLICY_STORAGE_KEY, formatPolicyCompact(policy));
    return { ok: true };
  } catch (e) {
    return {
      ok: false,
      error: `the policy could not be saved (${(e as Error).message}); it lasts for this page only`,
    };
  }
}

function ruleJson(rule: PolicyRule): PolicyRule {
  return rule.resource === undefined
    ? { effect: rule.effect, action: rule.action }
    : { effect: rule.effect, action: rule.action, resource: rule.resource };
}

function readPolicy(value: unknown): Policy {
  if (!isObject(value)) {
    throw new Refusal(
      'NOT_OBJECT',
      `a policy is a JSON object like {"version": 1, "default": "allow", "rules": []}, not ${show(value)}`,
    );
  }
  if (value.version !== VERSION) {
    throw new Refusal(
      'VERSION',
      value.version === undefined
        ? `missing "version" (this playground reads version ${VERSION})`
        : `unsupported "version" ${show(value.version)} (this playground reads version ${VERSION})`,
    );
  }
  refuseUnknownFields(value, POLICY_FIELDS, 'a policy has');
  if (!isOneOf(value.default, EFFECTS)) {
    throw new Refusal('DEFAULT', `"default" must be "allow" or "deny", got ${show(value.default)}`);
  }
  const rules = value.rules;
  if (!Array.isArray(rules))
    throw new Refusal('RULES', `"rules" must be an array of rules, got ${show(rules)}`);
  if (rules.length > MAX_RULES) {
    throw new Refusal('RULES', `too many rules: ${rules.length} (at most ${MAX_RULES})`);
  }
  return {
    version: VERSION,
    default: value.default,
    rules: rules.map((rule, i) => readRule(rule, i + 1)),
  };
}

function readRule(value: unknown, n: number): PolicyRule {
  if (!isObject(value)) {
    throw new Refusal(
      'RULE',
      `rule ${n} must be an object like {"effect": "allow", "action": "websocket.connect"}, got ${show(value)}`,
      n,
    );
  }
  refuseUnknownFields(value, RULE_FIELDS, 'a rule has', n);
  const { effect, action, resource } = value;
  if (!isOneOf(effect, EFFECTS)) {
    throw new Refusal(
      'EFFECT',
      `rule ${n}: "effect" must be "allow" or "deny", got ${show(effect)}`,
      n,
    );
  }
  if (!isOneOf(action, ACTIONS)) {
    const what = action === undefined ? 'missing "action"' : `unknown action ${show(action)}`;
    throw new Refusal('ACTION', `rule ${n}: ${what} (known: ${ACTIONS.join(', ')})`, n);
  }
  if (resource === undefined) return { effect, action };
  if (action === 'websocket.connect') {
    throw new Refusal(
      'RESOURCE',
      `rule ${n}: websocket.connect takes no "resource"; use websocket.connect.url for URL patterns`,
      n,
    );
  }
  if (typeof resource !== 'string') {
    throw new Refusal(
      'RESOURCE',
      `rule ${n}: "resource" must be a string (a URL glob), got ${show(resource)}`,
      n,
    );
  }
  if (resource === '') {
    throw new Refusal(
      'RESOURCE',
      `rule ${n}: "resource" is empty; leave it out to match every URL`,
      n,
    );
  }
  if (resource.length > MAX_RESOURCE_LENGTH) {
    throw new Refusal(
      'RESOURCE',
      `rule ${n}: "resource" is longer than ${MAX_RESOURCE_LENGTH} characters`,
      n,
    );
  }
  return { effect, action, resource };
}

function refuseUnknownFields(
  value: Record<string, unknown>,
  known: string[],
  has: string,
  n?: number,
): void {
  const extra = Object.keys(value).find((key) => !known.includes(key));
  if (extra === undefined) return;
  const where = n === undefined ? '' : `rule ${n}: `;
  throw new Refusal(
    'UNKNOWN_FIELD',
    `${where}unknown field ${JSON.stringify(extra)} (${has} ${known.join(', ')})`,
    n,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

/** A value as it appeared in the JSON, shortened for an error message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
