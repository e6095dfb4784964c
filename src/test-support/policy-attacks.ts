/**
 * The second security review's hostile policies (audit 2, M1, L1, I5), as functions that
 * deadline.ts runs in a child process: each would hang or throw on the code before the fix.
 */
import { parsePolicy } from '../policy/serialize.ts';
import { decide } from '../policy/policy.ts';

const registry = (entries: string) =>
  `version: "1.0"\nnamespace: app.security\nentries:\n${entries}`;
const exprEntry = (expr: string) =>
  `  - name: p\n    kind: security.policy.expr\n    meta: {type: policy}\n    policy:\n      actions: "*"\n      resources: "*"\n      expression: '${expr}'\n      effect: allow\n`;
const conditionEntry = (pattern: string) =>
  `  - name: p\n    kind: security.policy\n    meta: {type: policy}\n    policy:\n      actions: "*"\n      resources: "*"\n      effect: allow\n      conditions:\n        - field: resource\n          operator: matches\n          value: '${pattern}'\n`;
const withContext = (text: string) =>
  JSON.stringify({
    version: 2,
    registry: text,
    actor: { id: 'a', meta: {} },
    scope: { groups: [], policies: ['app.security:p'] },
    strict: false,
  });

const EVIL = `${'a'.repeat(34)}!`;
/** [name, registry text, resource]: patterns that backtrack exponentially in JavaScript. */
const REDOS: [string, string, string][] = [
  ['(a+)+', registry(conditionEntry('^(a+)+$')), EVIL],
  ['(a|a)*', registry(conditionEntry('^(a|a)*$')), EVIL],
  ['(a|aa)+', registry(conditionEntry('^(a|aa)+$')), EVIL],
  ['\\d*x7', registry(conditionEntry('^\\d*\\d*\\d*\\d*\\d*\\d*\\d*x')), '1'.repeat(3000)],
  ['[] class trick', registry(conditionEntry('(?:[]|)(a+)+$(?:]|)')), EVIL],
  ['expression (a|a)*', registry(exprEntry('resource matches "^(a|a)*$"')), EVIL],
  ['expression (.|.|.)*', registry(exprEntry('resource matches "^(.|.|.)*!"')), 'x'.repeat(60)],
];

/** Each ReDoS case decided: "allowed"/"denied", or the refusal. */
export function decideRedosCases(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text, resource] of REDOS) {
    const parsed = parsePolicy(withContext(text));
    out[name] = parsed.ok
      ? decide(parsed.policy, 'websocket.connect.url', resource, null).allowed
        ? 'allowed'
        : 'denied'
      : `refused: ${parsed.error}`;
  }
  return out;
}

/** A registry file of `n` short distinct keys (audit 2, L1: quadratic in yaml's key check). */
export function parseManyKeys(n: number): string {
  let text = '';
  for (let i = 0; i < n; i++) text += `k${i.toString(36)}:\n`;
  const parsed = parsePolicy(text);
  return parsed.ok ? 'ok' : parsed.error;
}

/** A version 2 policy whose actor.meta nests 100,000 deep (audit 2, I5: parsePolicy threw). */
export function parseDeepMeta(): string {
  const text = `{"version":2,"registry":"","actor":{"id":"a","meta":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}`;
  const parsed = parsePolicy(text);
  return parsed.ok ? 'ok' : parsed.error;
}
