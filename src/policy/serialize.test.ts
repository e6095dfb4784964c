import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './presets.ts';
import {
  MAX_RESOURCE_LENGTH,
  MAX_RULES,
  POLICY_STORAGE_KEY,
  formatPolicy,
  formatPolicyCompact,
  loadSavedPolicy,
  parsePolicy,
  savePolicy,
} from './serialize.ts';
import type { PolicyErrorKind } from './serialize.ts';
import type { Policy } from './types.ts';

const SAMPLE: Policy = {
  version: 1,
  default: 'deny',
  rules: [
    { effect: 'allow', action: 'websocket.connect' },
    { effect: 'allow', action: 'websocket.connect.url', resource: 'wss://*.example.com/*' },
    { effect: 'deny', action: 'websocket.connect.url', resource: 'wss://a"b\\c/\n?é' },
    { effect: 'deny', action: 'websocket.connect.url' },
  ],
};

function expectRefused(
  text: string,
  kind: PolicyErrorKind,
  message: RegExp | string,
  rule?: number,
): void {
  const parsed = parsePolicy(text);
  expect(parsed.ok, text).toBe(false);
  if (parsed.ok) return;
  expect(parsed.kind, text).toBe(kind);
  if (typeof message === 'string') expect(parsed.error).toBe(message);
  else expect(parsed.error).toMatch(message);
  expect(parsed.rule).toBe(rule);
}

const wrap = (rules: unknown[]) => JSON.stringify({ version: 1, default: 'allow', rules });

describe('parsePolicy', () => {
  it('reads every field back', () => {
    expect(parsePolicy(JSON.stringify(SAMPLE))).toEqual({ ok: true, policy: SAMPLE });
  });

  it('refuses text that is not JSON', () => {
    expectRefused('', 'NOT_JSON', /^not JSON: /);
    expectRefused('{"version": 1,', 'NOT_JSON', /^not JSON: /);
    expectRefused('{"version":1,"default":"allow","rules":[]} junk', 'NOT_JSON', /^not JSON: /);
  });

  it('refuses a top level that is not an object', () => {
    for (const text of ['null', '[]', '1', '"policy"', 'true']) {
      expectRefused(text, 'NOT_OBJECT', /^a policy is a JSON object like \{"version": 1, .*, not /);
    }
    expectRefused('[]', 'NOT_OBJECT', /, not \[\]$/);
  });

  it('refuses a missing or unsupported version', () => {
    expectRefused(
      '{"default":"allow","rules":[]}',
      'VERSION',
      'missing "version" (this playground reads version 1)',
    );
    expectRefused(
      '{"version":2,"default":"allow","rules":[],"future":true}',
      'VERSION',
      'unsupported "version" 2 (this playground reads version 1)',
    );
    expectRefused(
      '{"version":"1","default":"allow","rules":[]}',
      'VERSION',
      /unsupported "version" "1"/,
    );
  });

  it('refuses a bad default', () => {
    expectRefused(
      '{"version":1,"rules":[]}',
      'DEFAULT',
      '"default" must be "allow" or "deny", got nothing',
    );
    expectRefused('{"version":1,"default":"Allow","rules":[]}', 'DEFAULT', /got "Allow"$/);
  });

  it('refuses missing, non-array or oversized rules', () => {
    expectRefused(
      '{"version":1,"default":"allow"}',
      'RULES',
      '"rules" must be an array of rules, got nothing',
    );
    expectRefused('{"version":1,"default":"allow","rules":{}}', 'RULES', /got \{\}$/);
    const many = Array.from({ length: MAX_RULES + 1 }, () => ({
      effect: 'allow',
      action: 'websocket.connect',
    }));
    expectRefused(wrap(many), 'RULES', `too many rules: ${MAX_RULES + 1} (at most ${MAX_RULES})`);
  });

  it('refuses a rule that is not an object, naming it by number', () => {
    expectRefused(
      wrap([{ effect: 'allow', action: 'websocket.connect' }, 'allow']),
      'RULE',
      /^rule 2 must be an object/,
      2,
    );
    expectRefused(wrap([null]), 'RULE', /got null$/, 1);
  });

  it('refuses an unknown or missing effect', () => {
    expectRefused(
      wrap([{ effect: 'permit', action: 'websocket.connect' }]),
      'EFFECT',
      'rule 1: "effect" must be "allow" or "deny", got "permit"',
      1,
    );
    expectRefused(wrap([{ action: 'websocket.connect' }]), 'EFFECT', /got nothing$/, 1);
  });

  it('refuses an unknown or missing action, listing the known ones', () => {
    expectRefused(
      wrap([{ effect: 'allow', action: 'websocket.send' }]),
      'ACTION',
      'rule 1: unknown action "websocket.send" (known: websocket.connect, websocket.connect.url)',
      1,
    );
    expectRefused(wrap([{ effect: 'allow' }]), 'ACTION', /^rule 1: missing "action"/, 1);
    expectRefused(wrap([{ effect: 'allow', action: 7 }]), 'ACTION', /unknown action 7/, 1);
  });

  it('refuses a resource on websocket.connect', () => {
    expectRefused(
      wrap([{ effect: 'allow', action: 'websocket.connect', resource: 'ws://h/*' }]),
      'RESOURCE',
      'rule 1: websocket.connect takes no "resource"; use websocket.connect.url for URL patterns',
      1,
    );
  });

  it('refuses a resource that is not a non-empty string of sane length', () => {
    const rule = (resource: unknown) =>
      wrap([{ effect: 'deny', action: 'websocket.connect.url', resource }]);
    expectRefused(
      rule(42),
      'RESOURCE',
      'rule 1: "resource" must be a string (a URL glob), got 42',
      1,
    );
    expectRefused(rule(null), 'RESOURCE', /got null$/, 1);
    expectRefused(
      rule(['ws://a/*', 'ws://b/*']),
      'RESOURCE',
      /got \["ws:\/\/a\/\*","ws:\/\/b\/\*"\]$/,
      1,
    );
    expectRefused(
      rule(''),
      'RESOURCE',
      'rule 1: "resource" is empty; leave it out to match every URL',
      1,
    );
    expectRefused(rule('x'.repeat(MAX_RESOURCE_LENGTH + 1)), 'RESOURCE', /longer than 2048/, 1);
    expect(parsePolicy(rule('x'.repeat(MAX_RESOURCE_LENGTH))).ok).toBe(true);
  });

  it('refuses unknown fields at the top and in rules', () => {
    expectRefused(
      '{"version":1,"default":"allow","rules":[],"comment":"hi"}',
      'UNKNOWN_FIELD',
      'unknown field "comment" (a policy has version, default, rules)',
    );
    expectRefused(
      wrap([{ effect: 'allow', action: 'websocket.connect.url', url: 'ws://h/' }]),
      'UNKNOWN_FIELD',
      'rule 1: unknown field "url" (a rule has effect, action, resource)',
      1,
    );
    expectRefused(
      '{"version":1,"default":"allow","rules":[],"__proto__":{}}',
      'UNKNOWN_FIELD',
      /"__proto__"/,
    );
  });

  it('shortens long values in messages', () => {
    expectRefused(
      JSON.stringify({ version: 1, default: 'x'.repeat(500), rules: [] }),
      'DEFAULT',
      `"default" must be "allow" or "deny", got "${'x'.repeat(36)}...`,
    );
  });
});

describe('formatPolicy', () => {
  it('writes the spec shape, one rule per line, and reads back', () => {
    expect(formatPolicy(DEFAULT_POLICY)).toBe(
      [
        '{',
        '  "version": 1,',
        '  "default": "allow",',
        '  "rules": [',
        '    { "effect": "deny", "action": "websocket.connect.url", "resource": "ws://*:*/admin*" },',
        '    { "effect": "allow", "action": "websocket.connect" }',
        '  ]',
        '}',
      ].join('\n'),
    );
    expect(parsePolicy(formatPolicy(SAMPLE))).toEqual({ ok: true, policy: SAMPLE });
  });

  it('writes an empty rule list on one line', () => {
    expect(formatPolicy({ version: 1, default: 'deny', rules: [] })).toBe(
      '{\n  "version": 1,\n  "default": "deny",\n  "rules": []\n}',
    );
  });

  it('writes fields in a fixed order whatever the object order', () => {
    const shuffled = {
      rules: [{ resource: 'ws://h/*', action: 'websocket.connect.url', effect: 'deny' }],
      default: 'allow',
      version: 1,
    } as unknown as Policy;
    expect(formatPolicyCompact(shuffled)).toBe(
      '{"version":1,"default":"allow","rules":[{"effect":"deny","action":"websocket.connect.url","resource":"ws://h/*"}]}',
    );
  });

  it('compact form reads back', () => {
    expect(parsePolicy(formatPolicyCompact(SAMPLE))).toEqual({ ok: true, policy: SAMPLE });
  });
});

function memory(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}

describe('saved policy', () => {
  it('round-trips through storage under the versioned key', () => {
    const store = memory();
    expect(savePolicy(store, SAMPLE)).toEqual({ ok: true });
    expect([...store.map.keys()]).toEqual([POLICY_STORAGE_KEY]);
    expect(POLICY_STORAGE_KEY).toMatch(/\.v1$/);
    expect(loadSavedPolicy(store)).toEqual({ policy: SAMPLE, source: 'saved' });
  });

  it('gives a fresh, editable default when nothing is saved', () => {
    const loaded = loadSavedPolicy(memory());
    expect(loaded).toEqual({ policy: DEFAULT_POLICY, source: 'default' });
    expect(loaded.policy).not.toBe(DEFAULT_POLICY);
    loaded.policy.rules.push({ effect: 'deny', action: 'websocket.connect' });
    expect(DEFAULT_POLICY.rules).toHaveLength(2);
  });

  it('falls back to the default on corrupted data, saying why', () => {
    for (const raw of [
      'not json',
      '{"version":1}',
      '{"version":99,"default":"allow","rules":[]}',
      '',
      'null',
    ]) {
      const loaded = loadSavedPolicy(memory({ [POLICY_STORAGE_KEY]: raw }));
      expect(loaded.policy, raw).toEqual(DEFAULT_POLICY);
      expect(loaded.source).toBe('default');
      expect(loaded.problem).toMatch(
        /^the saved policy could not be read \(.+\); using the default$/,
      );
    }
  });

  it('never throws when storage is missing or refuses access', () => {
    expect(loadSavedPolicy(null)).toEqual({ policy: DEFAULT_POLICY, source: 'default' });
    expect(savePolicy(null, SAMPLE)).toMatchObject({ ok: false });
    const broken = {
      getItem: (): string | null => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: (): void => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      },
    };
    expect(loadSavedPolicy(broken)).toMatchObject({
      source: 'default',
      problem: expect.stringMatching(/insecure/),
    });
    expect(savePolicy(broken, SAMPLE)).toEqual({
      ok: false,
      error: 'the policy could not be saved (Quota exceeded); it lasts for this page only',
    });
  });
});
