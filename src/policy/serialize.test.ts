import { describe, expect, it } from 'vitest';
import {
  formatPolicyCompact,
  LEGACY_STORAGE_KEY,
  loadSavedPolicy,
  parsePolicy,
  POLICY_STORAGE_KEY,
  savePolicy,
} from './serialize.ts';
import type { PolicyStorage } from './serialize.ts';
import { checkConnect } from './policy.ts';
import { DEFAULT_POLICY } from './presets.ts';
import { globToRegex } from './legacy.ts';

/** The spec's version 1 example policy, as saved by earlier versions of the playground. */
const V1 = JSON.stringify({
  version: 1,
  default: 'allow',
  rules: [
    { effect: 'deny', action: 'websocket.connect.url', resource: 'ws://*:*/admin*' },
    { effect: 'allow', action: 'websocket.connect' },
  ],
});

function memoryStorage(
  entries: Record<string, string> = {},
): PolicyStorage & { data: Record<string, string> } {
  const data = { ...entries };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('version 2: the registry file plus the context', () => {
  it('round-trips through the compact JSON permalinks and localStorage hold', () => {
    const text = formatPolicyCompact(DEFAULT_POLICY);
    expect(JSON.parse(text)).toMatchObject({ version: 2, strict: false, actor: { id: 'user:1' } });
    const back = parsePolicy(text);
    expect(back.ok && back.format).toBe('v2');
    expect(back.ok && back.policy).toEqual(DEFAULT_POLICY);
  });

  it('refuses an unknown version and a malformed context, with a kind', () => {
    expect(parsePolicy('{"version": 7}')).toMatchObject({ ok: false, kind: 'VERSION' });
    expect(parsePolicy('{"version": 2, "registry": "", "actor": {"id": ""}}')).toMatchObject({
      ok: false,
      kind: 'STATE',
    });
    const bad = parsePolicy(
      '{"version": 2, "registry": "namespace: a\\nentries: 3", "actor": null, "scope": null}',
    );
    expect(bad).toMatchObject({
      ok: false,
      kind: 'YAML',
      error: 'line 2: entries must be a list of entries',
    });
  });
});

describe('a bare registry file', () => {
  it('takes the context it is given (none by default)', () => {
    const yaml = 'version: "1.0"\nnamespace: app\nentries: []\n';
    const alone = parsePolicy(yaml);
    expect(alone.ok && alone.policy.actor).toBeNull();
    const withContext = parsePolicy(yaml, {
      actor: { id: 'a', meta: {} },
      scope: null,
      strict: true,
    });
    expect(withContext.ok && withContext.policy).toMatchObject({
      actor: { id: 'a' },
      strict: true,
    });
    // JSON is YAML too: a JSON object without "version" is read as a registry file.
    expect(parsePolicy('{"namespace": "app", "entries": []}')).toMatchObject({
      ok: true,
      format: 'registry',
    });
  });
});

describe('version 1 (URL globs), converted with a notice per glob without a platform pattern', () => {
  it('keeps the decisions of the spec example and names the converted glob', () => {
    const parsed = parsePolicy(V1);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.format).toBe('v1');
    expect(parsed.notices).toHaveLength(2);
    expect(parsed.notices[1]).toBe(
      `rule 1: the glob "ws://*:*/admin*" has no platform pattern (a pattern is "*", an exact string or a trailing-"*" prefix); it became resources: "*" with the condition resource matches '^ws://[^/\\\\?#]*(:[0-9]*)?/admin'`,
    );
    const p = parsed.policy;
    expect(p.entries.map((e) => e.id)).toEqual([
      'playground.policy:rule_1',
      'playground.policy:rule_2',
      'playground.policy:default_allow',
    ]);
    expect(checkConnect(p, 'ws://api.example.com:8080/admin')).toMatchObject({
      allowed: false,
      entry: 'playground.policy:rule_1',
    });
    expect(checkConnect(p, 'ws://api.example.com:8080/chat')).toMatchObject({ allowed: true });
    expect(checkConnect(p, 'wss://h/admin/x')).toMatchObject({ allowed: true });
  });

  it('keeps globs the platform can say as patterns, without a notice', () => {
    const parsed = parsePolicy(
      JSON.stringify({
        version: 1,
        default: 'deny',
        rules: [
          { effect: 'allow', action: 'websocket.connect' },
          { effect: 'allow', action: 'websocket.connect.url', resource: 'wss://*' },
          {
            effect: 'allow',
            action: 'websocket.connect.url',
            resource: 'ws://localhost:8080/chat*',
          },
          {
            effect: 'deny',
            action: 'websocket.connect.url',
            resource: 'ws://localhost:8080/chat/admin',
          },
        ],
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.notices).toHaveLength(1);
    expect(parsed.policy.entries.map((e) => e.resources)).toEqual([
      '*',
      'wss://*',
      'ws://localhost:8080/chat*',
      'ws://localhost:8080/chat/admin',
    ]);
  });

  it('translates glob wildcards with their version 1 meaning', () => {
    const re = (glob: string) => new RegExp(globToRegex(glob));
    expect(re('wss://*.example.com/*').test('wss://api.example.com/ws')).toBe(true);
    expect(re('wss://*.example.com/*').test('wss://evil.com/.example.com/')).toBe(false);
    expect(re('ws://localhost:*').test('ws://localhost/x')).toBe(true);
    expect(re('ws://localhost:*').test('ws://localhost:1@evil.com/')).toBe(false);
    expect(re('ws://h/a?c').test('ws://h/abc')).toBe(true);
  });

  it('refuses a malformed version 1 policy as before', () => {
    expect(parsePolicy('{"version": 1, "default": "maybe", "rules": []}')).toMatchObject({
      ok: false,
      kind: 'LEGACY',
      error: expect.stringContaining('"default" must be "allow" or "deny"'),
    });
  });
});

describe('localStorage (versioned keys)', () => {
  it('reads the v1 key, converted, when there is no v2 key; saves under v2', () => {
    const storage = memoryStorage({ [LEGACY_STORAGE_KEY]: V1 });
    const loaded = loadSavedPolicy(storage, DEFAULT_POLICY);
    expect(loaded.source).toBe('saved');
    expect(loaded.notices.length).toBeGreaterThan(0);
    expect(loaded.policy.namespace).toBe('playground.policy');
    savePolicy(storage, loaded.policy);
    expect(JSON.parse(storage.data[POLICY_STORAGE_KEY]!).version).toBe(2);
    expect(loadSavedPolicy(storage, DEFAULT_POLICY).notices).toEqual([]);
  });

  it('falls back to the default with the reason when the saved policy does not read', () => {
    const loaded = loadSavedPolicy(
      memoryStorage({ [POLICY_STORAGE_KEY]: '{"version": 9}' }),
      DEFAULT_POLICY,
    );
    expect(loaded).toMatchObject({
      source: 'default',
      problem: expect.stringContaining('version 9'),
    });
    expect(loadSavedPolicy(null, DEFAULT_POLICY).source).toBe('default');
  });
});
