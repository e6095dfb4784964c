import { describe, expect, it } from 'vitest';
import { checkConnect, describeRule, evaluate, samePolicy } from './policy.ts';
import type { Effect, Policy, PolicyRule } from './types.ts';

const connect = (effect: Effect): PolicyRule => ({ effect, action: 'websocket.connect' });
const url = (effect: Effect, resource?: string): PolicyRule =>
  resource === undefined
    ? { effect, action: 'websocket.connect.url' }
    : { effect, action: 'websocket.connect.url', resource };
const policy = (def: Effect, ...rules: PolicyRule[]): Policy => ({
  version: 1,
  default: def,
  rules,
});

/** The spec's example policy. */
const SPEC = policy('allow', url('deny', 'ws://*:*/admin*'), connect('allow'));

describe('evaluate websocket.connect', () => {
  it('falls back to the default effect when no rule is about connecting', () => {
    for (const def of ['allow', 'deny'] as const) {
      const decision = evaluate(policy(def, url('allow', 'ws://h/*')), 'websocket.connect');
      expect(decision).toMatchObject({
        allowed: def === 'allow',
        action: 'websocket.connect',
        ruleIndex: null,
      });
      expect(decision.rule).toBeUndefined();
      expect(decision.resource).toBeUndefined();
    }
  });

  it('applies a websocket.connect rule whatever the URL', () => {
    expect(evaluate(policy('deny', connect('allow')), 'websocket.connect')).toMatchObject({
      allowed: true,
      ruleIndex: 0,
      rule: connect('allow'),
      explanation: 'allowed by rule 1 (allow websocket.connect)',
    });
    expect(evaluate(policy('allow', connect('deny')), 'websocket.connect')).toMatchObject({
      allowed: false,
      ruleIndex: 0,
      explanation: 'denied by rule 1 (deny websocket.connect)',
    });
  });

  it('lets deny win over an earlier allow, naming both', () => {
    const decision = evaluate(
      policy('allow', connect('allow'), connect('deny')),
      'websocket.connect',
    );
    expect(decision).toMatchObject({ allowed: false, ruleIndex: 1 });
    expect(decision.explanation).toBe(
      'denied by rule 2 (deny websocket.connect); deny wins over rule 1 (allow websocket.connect)',
    );
  });

  it('names the first rule of the winning effect', () => {
    const decision = evaluate(
      policy('deny', connect('allow'), connect('allow')),
      'websocket.connect',
    );
    expect(decision.ruleIndex).toBe(0);
  });

  it('ignores URL rules', () => {
    expect(evaluate(policy('allow', url('deny')), 'websocket.connect')).toMatchObject({
      allowed: true,
      ruleIndex: null,
    });
  });
});

describe('evaluate websocket.connect.url', () => {
  it('applies a matching rule and carries the URL as written', () => {
    expect(evaluate(SPEC, 'websocket.connect.url', 'ws://api.example.com:8080/admin')).toEqual({
      allowed: false,
      action: 'websocket.connect.url',
      resource: 'ws://api.example.com:8080/admin',
      ruleIndex: 0,
      rule: SPEC.rules[0],
      explanation: 'denied by rule 1 (deny websocket.connect.url ws://*:*/admin*)',
    });
  });

  it('falls back to the default effect when no URL rule matches, saying which URL', () => {
    expect(evaluate(SPEC, 'websocket.connect.url', 'ws://h:1/chat')).toEqual({
      allowed: true,
      action: 'websocket.connect.url',
      resource: 'ws://h:1/chat',
      ruleIndex: null,
      explanation: 'allowed by default (no websocket.connect.url rule matches ws://h:1/chat)',
    });
    expect(
      evaluate(policy('deny', url('allow', 'wss://*')), 'websocket.connect.url', 'ws://h/'),
    ).toMatchObject({
      allowed: false,
      explanation: 'denied by default (no websocket.connect.url rule matches ws://h/)',
    });
  });

  it('treats a URL rule without a resource as matching every URL', () => {
    expect(
      evaluate(policy('deny', url('allow')), 'websocket.connect.url', 'ws://anything/'),
    ).toMatchObject({
      allowed: true,
      explanation: 'allowed by rule 1 (allow websocket.connect.url)',
    });
  });

  it('ignores websocket.connect rules', () => {
    expect(
      evaluate(policy('allow', connect('deny')), 'websocket.connect.url', 'ws://h/'),
    ).toMatchObject({
      allowed: true,
      ruleIndex: null,
    });
  });

  it('lets deny win over allow in either order', () => {
    const allowH = url('allow', 'ws://h/*');
    const denyAdmin = url('deny', 'ws://h/admin*');
    for (const rules of [
      [allowH, denyAdmin],
      [denyAdmin, allowH],
    ]) {
      const decision = evaluate(policy('allow', ...rules), 'websocket.connect.url', 'ws://h/admin');
      expect(decision.allowed).toBe(false);
      expect(decision.rule).toBe(denyAdmin);
      expect(decision.explanation).toContain('deny wins over rule');
    }
  });

  it('allows by an allow rule against a deny default, when no deny matches', () => {
    const p = policy('deny', url('allow', 'ws://h/*'), url('deny', 'ws://h/admin*'));
    expect(evaluate(p, 'websocket.connect.url', 'ws://h/chat')).toMatchObject({
      allowed: true,
      ruleIndex: 0,
    });
  });

  it('covers every combination of matching rules and default', () => {
    const u = 'ws://h/x';
    const cases: [Effect, PolicyRule[], boolean, number | null][] = [
      ['allow', [], true, null],
      ['deny', [], false, null],
      ['allow', [url('allow', 'ws://h/*')], true, 0],
      ['deny', [url('allow', 'ws://h/*')], true, 0],
      ['allow', [url('deny', 'ws://h/*')], false, 0],
      ['deny', [url('deny', 'ws://h/*')], false, 0],
      ['allow', [url('allow', 'ws://other/*'), url('deny', 'ws://other/*')], true, null],
      ['deny', [url('allow', 'ws://other/*'), url('deny', 'ws://other/*')], false, null],
      ['allow', [url('deny', 'ws://other/*'), url('allow', 'ws://h/*')], true, 1],
      ['deny', [url('allow', 'ws://h/*'), url('deny', 'ws://h/x')], false, 1],
      ['allow', [url('deny', 'ws://h/*'), url('allow', 'ws://h/*')], false, 0],
    ];
    for (const [def, rules, allowed, ruleIndex] of cases) {
      const decision = evaluate(policy(def, ...rules), 'websocket.connect.url', u);
      expect(
        { allowed: decision.allowed, ruleIndex: decision.ruleIndex },
        JSON.stringify([def, rules]),
      ).toEqual({
        allowed,
        ruleIndex,
      });
    }
  });

  it('also matches the URL as the socket will read it, so spelling cannot dodge a deny', () => {
    const p = policy(
      'allow',
      url('deny', 'ws://*:*/admin*'),
      url('deny', 'ws://127.0.0.1:*/*'),
      url('deny', 'ws://internal.h/*'),
    );
    for (const spelled of [
      'ws://h:1\\admin',
      'ws://127.1/',
      'ws://0x7f.1:9/',
      'ws://%69nternal.h/',
      ' ws://internal.h/',
    ]) {
      expect(evaluate(p, 'websocket.connect.url', spelled).allowed, spelled).toBe(false);
    }
    const decision = evaluate(p, 'websocket.connect.url', 'ws://127.1/');
    expect(decision.resource).toBe('ws://127.1/');
    expect(decision.explanation).toBe(
      'denied by rule 2 (deny websocket.connect.url ws://127.0.0.1:*/*), which matches the URL read as ws://127.0.0.1/',
    );
  });

  it('does not decode percent-escapes in paths, as the URL parser does not (deny lists are best effort)', () => {
    const p = policy('allow', url('deny', 'ws://*:*/admin*'));
    expect(evaluate(p, 'websocket.connect.url', 'ws://h:1/%61dmin').allowed).toBe(true);
  });

  it('reads the normal form without widening an allow rule to another host', () => {
    const p = policy('deny', url('allow', 'ws://localhost:*/*'));
    for (const sneaky of [
      'ws://localhost:1@evil.com/',
      'ws://localhost.evil.com/',
      'ws://evil.com/localhost:1/',
    ]) {
      expect(evaluate(p, 'websocket.connect.url', sneaky).allowed, sneaky).toBe(false);
    }
    expect(evaluate(p, 'websocket.connect.url', 'ws://LOCALHOST:80').allowed).toBe(true);
  });

  it('matches nothing but resource-less rules when no URL is given', () => {
    expect(
      evaluate(policy('deny', url('allow', 'ws://h/*')), 'websocket.connect.url'),
    ).toMatchObject({
      allowed: false,
      ruleIndex: null,
    });
    expect(evaluate(policy('deny', url('allow')), 'websocket.connect.url').allowed).toBe(true);
  });
});

describe('checkConnect', () => {
  it('asks websocket.connect first and returns its denial', () => {
    const decision = checkConnect(
      policy('allow', connect('deny'), url('allow', 'ws://h/*')),
      'ws://h/',
    );
    expect(decision).toMatchObject({ allowed: false, action: 'websocket.connect', ruleIndex: 0 });
    expect(decision.resource).toBeUndefined();
  });

  it('then judges the URL', () => {
    expect(checkConnect(SPEC, 'ws://api.example.com:8080/admin')).toMatchObject({
      allowed: false,
      action: 'websocket.connect.url',
      ruleIndex: 0,
    });
    expect(checkConnect(SPEC, 'wss://echo.example.com/')).toMatchObject({
      allowed: true,
      action: 'websocket.connect.url',
      ruleIndex: null,
      explanation:
        'allowed by default (no websocket.connect.url rule matches wss://echo.example.com/)',
    });
  });

  it('explains why a deny default refuses even URLs that an allow rule names', () => {
    const decision = checkConnect(policy('deny', url('allow', 'ws://h/*')), 'ws://h/');
    expect(decision).toMatchObject({
      allowed: false,
      action: 'websocket.connect',
      ruleIndex: null,
    });
    expect(decision.explanation).toBe(
      'denied by default (no websocket.connect rule; URL rules are consulted only once "allow websocket.connect" is a rule)',
    );
  });

  it('returns the final allow from a URL rule', () => {
    const decision = checkConnect(
      policy('deny', connect('allow'), url('allow', 'ws://h/*')),
      'ws://h/x',
    );
    expect(decision).toMatchObject({
      allowed: true,
      action: 'websocket.connect.url',
      ruleIndex: 1,
      explanation: 'allowed by rule 2 (allow websocket.connect.url ws://h/*)',
    });
  });
});

describe('describeRule and samePolicy', () => {
  it('shows a rule as effect, action and resource', () => {
    expect(describeRule(url('deny', 'ws://*:*/admin*'))).toBe(
      'deny websocket.connect.url ws://*:*/admin*',
    );
    expect(describeRule(connect('allow'))).toBe('allow websocket.connect');
  });

  it('compares policies by default and rules in order', () => {
    expect(
      samePolicy(SPEC, policy('allow', url('deny', 'ws://*:*/admin*'), connect('allow'))),
    ).toBe(true);
    expect(samePolicy(SPEC, policy('deny', ...SPEC.rules))).toBe(false);
    expect(samePolicy(SPEC, policy('allow', ...[...SPEC.rules].reverse()))).toBe(false);
    expect(samePolicy(SPEC, policy('allow', url('deny', 'ws://*:*/admin'), connect('allow')))).toBe(
      false,
    );
    expect(samePolicy(SPEC, policy('allow', url('deny', 'ws://*:*/admin*')))).toBe(false);
  });
});
