/**
 * The CLI's security flags and the policy they make:
 *
 *   --policy FILE        a registry file (`_index.yaml`), or a saved playground policy (JSON,
 *                        version 2, or version 1 with URL globs, converted)
 *   --actor ID           the actor's ID
 *   --actor-meta JSON    the actor's meta, a JSON object (needs --actor)
 *   --scope G1,G2        the scope: these groups (`namespace:group`, or a group of the file's
 *                        namespace)
 *   --strict-security    strict mode: deny when the context has no actor or no scope
 *
 * A flag overrides what a saved policy carries. Without an actor or a scope the context is
 * incomplete and, as on the platform, every check is allowed unless strict mode is on; with no
 * flag at all nothing is checked, as before.
 */
import { parsePolicy, readActor } from '../policy/serialize.ts';
import type { Policy } from '../policy/types.ts';

export const POLICY_USAGE =
  '[--policy <_index.yaml|policy.json>] [--actor <id>] [--actor-meta <json>] [--scope <group,...>] [--strict-security]';

export interface SecurityFlags {
  policyFile?: string;
  actor?: string;
  actorMeta?: string;
  scope?: string;
  strict: boolean;
}

export function emptySecurityFlags(): SecurityFlags {
  return { strict: false };
}

/**
 * Reads the security flag at `argv[i]` into `flags`; returns how many arguments it took
 * (0 when `argv[i]` is not one of them). Throws on a missing value.
 */
export function takeSecurityFlag(argv: string[], i: number, flags: SecurityFlags): number {
  const arg = argv[i];
  const value = (what: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs ${what}`);
    return v;
  };
  switch (arg) {
    case '--policy':
      flags.policyFile = value('a file name');
      return 2;
    case '--actor':
      flags.actor = value('an actor ID');
      return 2;
    case '--actor-meta':
      flags.actorMeta = value('a JSON object');
      return 2;
    case '--scope':
      flags.scope = value('a comma-separated list of groups');
      return 2;
    case '--strict-security':
      flags.strict = true;
      return 1;
    default:
      return 0;
  }
}

export interface LoadedPolicy {
  policy: Policy;
  /** Lines for stderr: conversion notices, an incomplete context. */
  notes: string[];
}

/** The policy the flags describe; `readText` reads the policy file. Throws with the reason. */
export function loadCliPolicy(
  flags: SecurityFlags,
  readText: (file: string) => string,
): LoadedPolicy {
  const empty = 'version: "1.0"\nnamespace: cli\nentries: []\n';
  const text = flags.policyFile === undefined ? empty : readText(flags.policyFile);
  const parsed = parsePolicy(text);
  if (!parsed.ok) {
    const lines = parsed.problems?.map((p) => `  line ${p.line}: ${p.message}`).join('\n');
    throw new Error(`invalid policy ${flags.policyFile}: ${lines ? `\n${lines}` : parsed.error}`);
  }
  const policy = { ...parsed.policy };
  if (flags.actorMeta !== undefined && flags.actor === undefined) {
    throw new Error('--actor-meta needs --actor');
  }
  if (flags.actor !== undefined) {
    let meta: unknown = {};
    if (flags.actorMeta !== undefined) {
      try {
        meta = JSON.parse(flags.actorMeta);
      } catch (e) {
        throw new Error(`--actor-meta is not JSON: ${(e as Error).message}`, { cause: e });
      }
    }
    const actor = readActor({ id: flags.actor, meta });
    if (typeof actor === 'string') throw new Error(`--actor/--actor-meta: ${actor}`);
    policy.actor = actor;
  }
  if (flags.scope !== undefined) {
    const groups = flags.scope
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    policy.scope = { groups, policies: [] };
  }
  if (flags.strict) policy.strict = true;
  const notes = parsed.notices.map((n) => `policy: ${n}`);
  if (
    flags.policyFile !== undefined &&
    (policy.actor === null || policy.scope === null) &&
    !policy.strict
  ) {
    notes.push(
      `policy: no ${policy.actor === null ? '--actor' : '--scope'}: the security context is incomplete, so every check is allowed (add --strict-security to deny)`,
    );
  }
  return { policy, notes };
}
