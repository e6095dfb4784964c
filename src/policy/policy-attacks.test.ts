/**
 * Audit 2's policy attacks, each in a child process with a deadline (a hang there would be
 * synchronous and freeze this runner): M1 (catastrophic regular expressions, decided in linear
 * time now), L1 (a registry file of 40,000 keys, quadratic before) and I5 (a deep actor.meta
 * that made parsePolicy throw).
 */
import { describe, expect, it } from 'vitest';
import { callWithDeadline } from '../test-support/deadline.ts';

const attacks = new URL('../test-support/policy-attacks.ts', import.meta.url);
const DEADLINE_MS = 25_000;

describe('hostile policies (audit 2)', () => {
  it(
    'M1: decides every catastrophic pattern of the review instead of hanging',
    { timeout: 40_000 },
    async () => {
      const r = await callWithDeadline(attacks, 'decideRedosCases', [], DEADLINE_MS);
      expect(r).toMatchObject({ timedOut: false });
      if (r.timedOut || !('value' in r)) return;
      expect(r.value).toEqual({
        '(a+)+': 'denied',
        '(a|a)*': 'denied',
        '(a|aa)+': 'denied',
        '\\d*x7': 'denied',
        '[] class trick': 'allowed',
        'expression (a|a)*': 'denied',
        'expression (.|.|.)*': 'denied',
      });
    },
  );

  it(
    'L1: refuses a 40,000-key registry file within its bounds instead of parsing for tens of seconds',
    { timeout: 40_000 },
    async () => {
      const r = await callWithDeadline(attacks, 'parseManyKeys', [40_000], DEADLINE_MS);
      expect(r).toMatchObject({ timedOut: false });
      expect(r).toHaveProperty('value', expect.stringContaining('more than 50000 YAML nodes'));
    },
  );

  it('I5: refuses a 100,000-deep actor.meta instead of throwing', { timeout: 40_000 }, async () => {
    const r = await callWithDeadline(attacks, 'parseDeepMeta', [], DEADLINE_MS);
    expect(r).toEqual({ timedOut: false, value: '"actor.meta" nests deeper than 32 levels' });
  });
});
