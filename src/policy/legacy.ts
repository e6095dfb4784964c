/**
 * The playground's first policy format (version 1: `{version, default, rules: [{effect,
 * action, resource?}]}` with whole-URL globs), still found in localStorage, in permalinks and
 * in exported files. It is read as strictly as before and converted to the platform's model:
 *
 * - each rule becomes a `security.policy` entry `rule_<n>` in the namespace `playground.policy`,
 *   group `converted`; `default: allow` becomes an entry `default_allow` (allow
 *   `websocket.*` on `*`), which deny entries still override, as deny rules overrode the
 *   default; `default: deny` needs no entry (undefined denies);
 * - a glob the platform can say as a pattern keeps it: none or `*` (any URL), a URL with a
 *   path and no wildcard (exact), one trailing `*` in the path or right after `scheme://`
 *   (prefix);
 * - any other glob has no platform pattern: it becomes `resources: "*"` with a `matches`
 *   condition on `resource` that says what the glob said, and a notice names it;
 * - the actor is `playground` and the scope the group `converted`, so the entries decide.
 *
 * Globs compared the host case-insensitively and also matched the URL's normal form; the
 * converted patterns compare the URL as written, as the platform does.
 */
import { stringify } from 'yaml';
import { escapeRegex } from './match.ts';

export const LEGACY_NAMESPACE = 'playground.policy';
export const LEGACY_GROUP = 'converted';
export const LEGACY_ACTOR = 'playground';

type Effect = 'allow' | 'deny';
type Action = 'websocket.connect' | 'websocket.connect.url';
interface LegacyRule {
  effect: Effect;
  action: Action;
  resource?: string;
}

export type LegacyRead =
  { ok: true; registry: string; notices: string[] } | { ok: false; error: string };

const MAX_RULES = 1000;
const MAX_RESOURCE_LENGTH = 2048;
const ACTIONS: readonly string[] = ['websocket.connect', 'websocket.connect.url'];

/** Whether a parsed JSON value claims to be a version 1 policy. */
export function isLegacyPolicy(value: Record<string, unknown>): boolean {
  return value.version === 1;
}

/** Read a version 1 policy (already JSON-parsed) and convert it to a registry file. */
export function convertLegacy(value: Record<string, unknown>): LegacyRead {
  const extra = Object.keys(value).find((k) => !['version', 'default', 'rules'].includes(k));
  if (extra !== undefined) return refuse(`unknown field ${JSON.stringify(extra)}`);
  if (value.default !== 'allow' && value.default !== 'deny') {
    return refuse(`"default" must be "allow" or "deny", got ${show(value.default)}`);
  }
  if (!Array.isArray(value.rules))
    return refuse(`"rules" must be an array, got ${show(value.rules)}`);
  if (value.rules.length > MAX_RULES) return refuse(`too many rules: ${value.rules.length}`);
  const rules: LegacyRule[] = [];
  for (const [i, rule] of value.rules.entries()) {
    const read = readRule(rule, i + 1);
    if (typeof read === 'string') return refuse(read);
    rules.push(read);
  }
  const notices: string[] = [];
  const entries = rules.map((rule, i) => entryFor(rule, i + 1, notices));
  if (value.default === 'allow') {
    entries.push({
      name: 'default_allow',
      kind: 'security.policy',
      policy: { actions: 'websocket.*', resources: '*', effect: 'allow' },
      groups: [LEGACY_GROUP],
    });
  }
  const header =
    '# Converted from a version 1 playground policy (whole-URL globs).\n' +
    `# Scope: group ${LEGACY_NAMESPACE}:${LEGACY_GROUP}; actor: ${LEGACY_ACTOR}.\n`;
  const registry =
    header + stringify({ version: '1.0', namespace: LEGACY_NAMESPACE, entries }, { lineWidth: 0 });
  return { ok: true, registry, notices };
}

function entryFor(rule: LegacyRule, n: number, notices: string[]): Record<string, unknown> {
  const policy: Record<string, unknown> = {
    actions: rule.action,
    resources: '*',
    effect: rule.effect,
  };
  const glob = rule.resource;
  if (glob !== undefined && !/^\*+$/.test(glob)) {
    const pattern = platformPattern(glob);
    if (pattern !== undefined) {
      policy.resources = pattern;
    } else {
      const regex = globToRegex(glob);
      policy.conditions = [{ field: 'resource', operator: 'matches', value: regex }];
      notices.push(
        `rule ${n}: the glob "${glob}" has no platform pattern (a pattern is "*", an exact string or a ` +
          `trailing-"*" prefix); it became resources: "*" with the condition resource matches '${regex}'`,
      );
    }
  }
  return { name: `rule_${n}`, kind: 'security.policy', policy, groups: [LEGACY_GROUP] };
}

/** The platform pattern that matches what the glob matched, when there is one. */
function platformPattern(glob: string): string | undefined {
  const sep = glob.indexOf('://');
  if (sep < 0) return undefined;
  const pathStart = glob.indexOf('/', sep + 3);
  const wildcards = [...glob.matchAll(/[*?]/g)].map((m) => m.index);
  if (wildcards.length === 0) return pathStart >= 0 ? glob : undefined;
  const onlyTrailingStar = wildcards.length === 1 && glob.endsWith('*');
  if (!onlyTrailingStar) return undefined;
  // `ws://h/x*` (in the path) or `wss://*` (everything after the scheme).
  if (pathStart >= 0 || glob.length === sep + 4) return glob;
  return undefined;
}

/** A regular expression saying what the glob said (`glob.ts` of version 1), anchored. */
export function globToRegex(glob: string): string {
  const sep = glob.indexOf('://');
  if (sep < 0)
    return `^${[...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : escapeRegex(ch))).join('')}$`;
  const part = (text: string, star: (i: number) => string, one: string) =>
    [...text].map((ch, i) => (ch === '*' ? star(i) : ch === '?' ? one : escapeRegex(ch))).join('');
  const scheme = part(glob.slice(0, sep).toLowerCase(), () => '[a-z0-9+.-]*', '[a-z0-9+.-]');
  const slash = glob.indexOf('/', sep + 3);
  let authority = glob.slice(sep + 3, slash < 0 ? undefined : slash).toLowerCase();
  const port = authority.endsWith(':*');
  if (port) authority = authority.slice(0, -2);
  let out = `^${scheme}://`;
  out += part(authority, (i) => (i === 0 ? '[^/\\\\?#]*' : '[^/\\\\?#@]*'), '[^/\\\\?#@]');
  if (port) out += '(:[0-9]*)?';
  if (slash < 0) return `${out}([/\\\\?#].*)?$`;
  out += part(glob.slice(slash), () => '.*', '.');
  return out.endsWith('.*') ? out.slice(0, -2) : `${out}$`;
}

function readRule(value: unknown, n: number): LegacyRule | string {
  if (!isObject(value)) return `rule ${n} must be an object, got ${show(value)}`;
  const extra = Object.keys(value).find((k) => !['effect', 'action', 'resource'].includes(k));
  if (extra !== undefined) return `rule ${n}: unknown field ${JSON.stringify(extra)}`;
  const { effect, action, resource } = value;
  if (effect !== 'allow' && effect !== 'deny')
    return `rule ${n}: "effect" must be "allow" or "deny"`;
  if (typeof action !== 'string' || !ACTIONS.includes(action)) {
    return `rule ${n}: unknown action ${show(action)} (known: ${ACTIONS.join(', ')})`;
  }
  if (resource === undefined) return { effect, action: action as Action };
  if (action === 'websocket.connect') return `rule ${n}: websocket.connect takes no "resource"`;
  if (typeof resource !== 'string' || resource === '' || resource.length > MAX_RESOURCE_LENGTH) {
    return `rule ${n}: "resource" must be a non-empty URL glob of at most ${MAX_RESOURCE_LENGTH} characters`;
  }
  return { effect, action: action as Action, resource };
}

function refuse(error: string): LegacyRead {
  return { ok: false, error: `version 1 policy: ${error}` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
