/**
 * The policy as text: the panel's import/export, permalinks' `policy=`, the CLI's
 * `--policy FILE`, and localStorage. Three forms are read (STYLE habit 8: old versions stay
 * readable):
 *
 *   registry file  the platform's `_index.yaml` (YAML: version, namespace, entries); the
 *                  actor, scope and strict mode come from the caller
 *   version 2      the playground's state, JSON: {"version": 2, "registry": "<the YAML>",
 *                  "actor": {"id", "meta"} | null, "scope": {"groups", "policies"} | null,
 *                  "strict": false}; what permalinks and localStorage hold
 *   version 1      the first format (JSON rules with URL globs), converted (`legacy.ts`) with
 *                  a notice for each glob that has no platform pattern
 *
 * `parsePolicy` never throws and never guesses: anything else is refused with a stable `kind`
 * and a sentence; registry problems come with their lines.
 *
 *   YAML      the registry file does not read or validate (`problems` has the lines)
 *   VERSION   a JSON policy of a version this playground does not read
 *   STATE     a version 2 field of the wrong shape
 *   LEGACY    a version 1 policy that does not read
 */
import {
  convertLegacy,
  isLegacyPolicy,
  LEGACY_ACTOR,
  LEGACY_GROUP,
  LEGACY_NAMESPACE,
} from './legacy.ts';
import { readRegistry } from './registry.ts';
import type { Problem } from './registry.ts';
import type { Actor, Policy, Scope } from './types.ts';

export type PolicyErrorKind = 'YAML' | 'VERSION' | 'STATE' | 'LEGACY';

/** The security context a registry file alone does not carry. */
export interface SecurityContext {
  actor: Actor | null;
  scope: Scope | null;
  strict: boolean;
}

export type PolicyParse =
  | {
      ok: true;
      policy: Policy;
      /** Conversions and advice to show once (old globs, literal `*` in patterns). */
      notices: string[];
      /** Which form the text was in. */
      format: 'registry' | 'v2' | 'v1';
    }
  | { ok: false; kind: PolicyErrorKind; error: string; problems?: Problem[] };

export const STATE_VERSION = 2;
export const MAX_META_LENGTH = 16 * 1024;
export const MAX_META_DEPTH = 32;
/** Longest policy text read (a link's, a file's, a saved one); the registry inside is capped lower. */
export const MAX_POLICY_TEXT_LENGTH = 1024 * 1024;

/** No actor, no scope, not strict: what the platform has when nothing sets a context. */
export const NO_CONTEXT: SecurityContext = Object.freeze({
  actor: null,
  scope: null,
  strict: false,
});

export function parsePolicy(text: string, context: SecurityContext = NO_CONTEXT): PolicyParse {
  if (typeof text !== 'string') return { ok: false, kind: 'STATE', error: 'a policy is text' };
  if (text.length > MAX_POLICY_TEXT_LENGTH) {
    return {
      ok: false,
      kind: 'STATE',
      error: `the policy is longer than ${MAX_POLICY_TEXT_LENGTH} characters`,
    };
  }
  try {
    return parseBoundedPolicy(text, context);
  } catch (e) {
    // Documented never to throw: a bound this reader missed becomes a refusal, not a crash.
    return {
      ok: false,
      kind: 'YAML',
      error: `the policy could not be read (${e instanceof Error ? e.message : String(e)})`,
    };
  }
}

function parseBoundedPolicy(text: string, context: SecurityContext): PolicyParse {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    // JSON is also YAML; a JSON object without a version is read as a registry file below.
    if (isObject(value) && value.version !== undefined && typeof value.version === 'number') {
      return readJsonPolicy(value);
    }
  }
  return fromRegistry(text, context, [], 'registry');
}

/** Build a policy from a registry file's text and a context. */
export function fromRegistry(
  source: string,
  context: SecurityContext,
  notices: string[],
  format: 'registry' | 'v2' | 'v1',
): PolicyParse {
  const read = readRegistry(source);
  if (!read.ok) {
    const first = read.problems[0]!;
    return {
      ok: false,
      kind: 'YAML',
      error: first.line > 0 ? `line ${first.line}: ${first.message}` : first.message,
      problems: read.problems,
    };
  }
  const { file } = read;
  const policy: Policy = {
    source,
    namespace: file.namespace,
    entries: file.entries,
    actor: context.actor,
    scope: context.scope,
    strict: context.strict,
  };
  const advice = file.warnings.map((w) => `line ${w.line}: ${w.message}`);
  return { ok: true, policy, notices: [...notices, ...advice], format };
}

function readJsonPolicy(value: Record<string, unknown>): PolicyParse {
  if (isLegacyPolicy(value)) {
    const converted = convertLegacy(value);
    if (!converted.ok) return { ok: false, kind: 'LEGACY', error: converted.error };
    const context: SecurityContext = {
      actor: { id: LEGACY_ACTOR, meta: {} },
      scope: { groups: [`${LEGACY_NAMESPACE}:${LEGACY_GROUP}`], policies: [] },
      strict: false,
    };
    const notice =
      "This policy was in the playground's version 1 format (URL globs); it was converted to the platform's model.";
    return fromRegistry(converted.registry, context, [notice, ...converted.notices], 'v1');
  }
  if (value.version !== STATE_VERSION) {
    return {
      ok: false,
      kind: 'VERSION',
      error: `unsupported policy version ${JSON.stringify(value.version)} (this playground reads 1 and ${STATE_VERSION})`,
    };
  }
  const context = readContext(value);
  if (typeof context === 'string') return { ok: false, kind: 'STATE', error: context };
  if (typeof value.registry !== 'string') {
    return { ok: false, kind: 'STATE', error: '"registry" must be the registry file\'s text' };
  }
  return fromRegistry(value.registry, context, [], 'v2');
}

function readContext(value: Record<string, unknown>): SecurityContext | string {
  const actor = readActor(value.actor);
  if (typeof actor === 'string') return actor;
  const scope = readScope(value.scope);
  if (typeof scope === 'string') return scope;
  if (value.strict !== undefined && typeof value.strict !== 'boolean')
    return '"strict" must be true or false';
  return { actor, scope, strict: value.strict === true };
}

export function readActor(value: unknown): Actor | null | string {
  if (value === null || value === undefined) return null;
  if (!isObject(value) || typeof value.id !== 'string' || value.id === '') {
    return '"actor" must be null or {"id": "<non-empty>", "meta": {...}}';
  }
  const meta = value.meta ?? {};
  if (!isObject(meta)) return '"actor.meta" must be an object';
  // Depth first: JSON.stringify of a 100,000-deep value overflows the stack (audit 2, I5).
  if (depthOver(meta, MAX_META_DEPTH))
    return `"actor.meta" nests deeper than ${MAX_META_DEPTH} levels`;
  if (JSON.stringify(meta).length > MAX_META_LENGTH)
    return `"actor.meta" is larger than ${MAX_META_LENGTH} characters`;
  return { id: value.id, meta };
}

export function readScope(value: unknown): Scope | null | string {
  if (value === null || value === undefined) return null;
  const names = (v: unknown) =>
    v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== ''));
  if (!isObject(value) || !names(value.groups) || !names(value.policies)) {
    return '"scope" must be null or {"groups": ["<group>", ...], "policies": ["<namespace:name>", ...]}';
  }
  return {
    groups: (value.groups as string[] | undefined) ?? [],
    policies: (value.policies as string[] | undefined) ?? [],
  };
}

/** The version 2 state as compact JSON: permalinks and localStorage. */
export function formatPolicyCompact(policy: Policy): string {
  return JSON.stringify({
    version: STATE_VERSION,
    registry: policy.source,
    actor: policy.actor,
    scope: policy.scope,
    strict: policy.strict,
  });
}

/** The version 2 state, indented: the "playground policy" file the panel downloads. */
export function formatPolicy(policy: Policy): string {
  return JSON.stringify(JSON.parse(formatPolicyCompact(policy)), null, 2);
}

/*
 * localStorage. Keys carry the layout version (STYLE habit 8). v2 holds formatPolicyCompact's
 * JSON; v1 (the rules format) is read, converted, and replaced by v2 at the next save.
 */

export const POLICY_STORAGE_KEY = 'lua-playground.policy.v2';
export const LEGACY_STORAGE_KEY = 'lua-playground.policy.v1';
const STORED_KEYS = [POLICY_STORAGE_KEY, LEGACY_STORAGE_KEY];

/** What `localStorage` offers; passed in so tests and storage-less pages work. */
export type PolicyStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface SavedPolicy {
  policy: Policy;
  source: 'saved' | 'default';
  /** Why a saved policy was not used, for the panel to show; absent when nothing went wrong. */
  problem?: string;
  /** Conversion notices of an older saved format. */
  notices: string[];
}

/** The saved policy, or `fallback` when there is none or it cannot be read. Never throws. */
export function loadSavedPolicy(storage: PolicyStorage | null, fallback: Policy): SavedPolicy {
  const withDefault = (problem?: string): SavedPolicy =>
    problem === undefined
      ? { policy: fallback, source: 'default', notices: [] }
      : { policy: fallback, source: 'default', problem, notices: [] };
  if (!storage) return withDefault();
  for (const key of STORED_KEYS) {
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch (e) {
      // Disabled storage (private windows, sandboxed iframes) throws on access.
      return withDefault(
        `saved policies are unavailable here (${(e as Error).message}); using the default`,
      );
    }
    if (raw === null) continue;
    const parsed = parsePolicy(raw);
    if (parsed.ok) return { policy: parsed.policy, source: 'saved', notices: parsed.notices };
    return withDefault(`the saved policy could not be read (${parsed.error}); using the default`);
  }
  return withDefault();
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

/** Whether `value` nests deeper than `limit` objects or lists; iterative, so any depth is safe. */
function depthOver(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
