/**
 * Test helpers: a policy from a registry file's text and a context, failing loudly when the
 * text does not read.
 */
import { parsePolicy } from '../policy/serialize.ts';
import type { Actor, Policy, Scope } from '../policy/types.ts';

export function policyOf(
  yaml: string,
  actor: Actor | null,
  scope: Partial<Scope> | null,
  strict = false,
): Policy {
  const parsed = parsePolicy(yaml, {
    actor,
    scope: scope === null ? null : { groups: scope.groups ?? [], policies: scope.policies ?? [] },
    strict,
  });
  if (!parsed.ok) throw new Error(`${parsed.error}\n${JSON.stringify(parsed.problems)}`);
  return parsed.policy;
}

/** `kind: security.policy` entries in the namespace `app`, one YAML block each. */
export function registry(...entries: string[]): string {
  return `version: "1.0"\nnamespace: app\nentries:\n${entries.join('')}`;
}

export function entry(
  name: string,
  policy: string,
  groups = '[g]',
  kind = 'security.policy',
): string {
  const body = policy
    .trim()
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
  return `  - name: ${name}\n    kind: ${kind}\n    policy:\n${body}\n    groups: ${groups}\n`;
}
