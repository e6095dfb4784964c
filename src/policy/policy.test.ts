import { describe, expect, it } from 'vitest';
import { checkConnect, CONNECT, CONNECT_URL, decide, evaluate } from './policy.ts';
import { entry, policyOf, registry } from '../test-support/policy-fixtures.ts';

/** The declarative policy of `wippyai/docs` `en/system/security.md`, verbatim. */
const SECURITY_MD = `
# src/security/_index.yaml
version: "1.0"
namespace: app.security

entries:
  # Admin full access
  - name: admin_policy
    kind: security.policy
    policy:
      actions: "*"
      resources: "*"
      effect: allow
      conditions:
        - field: actor.meta.role
          operator: eq
          value: admin
    groups:
      - admin

  # Read-only access
  - name: readonly_policy
    kind: security.policy
    policy:
      actions:
        - "*.read"
        - "*.get"
        - "*.list"
      resources: "*"
      effect: allow
    groups:
      - default

  # Resource owner access
  - name: owner_policy
    kind: security.policy
    policy:
      actions:
        - read
        - write
        - delete
      resources: "document:*"
      effect: allow
      conditions:
        - field: meta.owner
          operator: eq
          value_from: actor.id
    groups:
      - default

  # Deny confidential without clearance
  - name: deny_confidential
    kind: security.policy
    policy:
      actions: "*"
      resources: "document:*"
      effect: deny
      conditions:
        - field: meta.classification
          operator: eq
          value: confidential
        - field: actor.meta.clearance
          operator: lt
          value: 3
    groups:
      - security
`;

const ALL_GROUPS = { groups: ['admin', 'default', 'security'] };
const user = (id: string, meta: Record<string, unknown> = {}) => ({ id, meta });

describe('the four entries of security.md (docs en/system/security.md; scope.go Evaluate)', () => {
  it('admin_policy: actor.meta.role eq admin allows any action on any resource', () => {
    const p = policyOf(SECURITY_MD, user('user:1', { role: 'admin' }), ALL_GROUPS);
    const d = decide(p, 'delete', 'users', null);
    expect(d).toMatchObject({
      allowed: true,
      outcome: 'allow',
      entry: 'app.security:admin_policy',
    });
    expect(d.explanation).toContain('actor.meta.role eq "admin" (actor.meta.role is "admin")');
  });

  it('owner_policy: meta.owner eq value_from actor.id allows the owner on document:*', () => {
    const p = policyOf(SECURITY_MD, user('user:456'), ALL_GROUPS);
    expect(decide(p, 'read', 'document:123', { owner: 'user:456' })).toMatchObject({
      allowed: true,
      entry: 'app.security:owner_policy',
    });
    const other = decide(p, 'read', 'document:123', { owner: 'user:789' });
    expect(other).toMatchObject({ allowed: false, outcome: 'undefined' });
    expect(other.explanation).toContain('condition meta.owner eq actor.id does not hold');
  });

  it('deny_confidential: both conditions must hold, and deny wins over admin_policy', () => {
    const p = policyOf(SECURITY_MD, user('user:1', { role: 'admin', clearance: 2 }), ALL_GROUPS);
    const d = decide(p, 'read', 'document:1', { classification: 'confidential' });
    expect(d).toMatchObject({
      allowed: false,
      outcome: 'deny',
      entry: 'app.security:deny_confidential',
    });
    expect(d.explanation).toContain('deny wins over app.security:admin_policy');
    const cleared = policyOf(
      SECURITY_MD,
      user('user:1', { role: 'admin', clearance: 3 }),
      ALL_GROUPS,
    );
    expect(decide(cleared, 'read', 'document:1', { classification: 'confidential' }).entry).toBe(
      'app.security:admin_policy',
    );
  });

  it('readonly_policy: "*.read" is literal on the platform (util.go matchesPattern), so document.read is undefined', () => {
    const p = policyOf(SECURITY_MD, user('user:1'), { groups: ['default'] });
    const d = decide(p, 'document.read', 'doc', null);
    expect(d).toMatchObject({ allowed: false, outcome: 'undefined' });
    expect(d.explanation).toContain(
      'action document.read does not match actions ["*.read", "*.get", "*.list"]',
    );
    expect(decide(p, '*.read', 'doc', null).entry).toBe('app.security:readonly_policy');
  });

  it('a scope of one group holds only that group (named_scope("app.security:admin"))', () => {
    const p = policyOf(SECURITY_MD, user('user:1', { role: 'admin' }), {
      groups: ['app.security:security'],
    });
    expect(decide(p, 'read', 'x', null)).toMatchObject({ allowed: false, outcome: 'undefined' });
    const single = policyOf(SECURITY_MD, user('user:1', { role: 'admin' }), {
      policies: ['app.security:admin_policy'],
    });
    expect(decide(single, 'read', 'x', null).entry).toBe('app.security:admin_policy');
  });
});

describe('the security context (runtime/security/access.go IsAllowed)', () => {
  const file = registry(entry('deny_all', 'actions: "*"\nresources: "*"\neffect: deny'));

  it('allows without an actor or without a scope, unless strict mode', () => {
    expect(evaluate(policyOf(file, null, { groups: ['g'] }), CONNECT, '')).toMatchObject({
      allowed: true,
      outcome: 'no-context',
    });
    const noScope = evaluate(policyOf(file, user('a'), null), CONNECT, '');
    expect(noScope.allowed).toBe(true);
    expect(noScope.explanation).toContain('no scope');
    const strict = evaluate(policyOf(file, user('a'), null, true), CONNECT, '');
    expect(strict).toMatchObject({ allowed: false, outcome: 'no-context' });
    expect(strict.explanation).toContain('strict mode');
  });

  it('an empty scope is undefined, which denies (scope.go: no policies)', () => {
    const d = evaluate(policyOf(file, user('a'), { groups: [] }), CONNECT, '');
    expect(d).toMatchObject({ allowed: false, outcome: 'undefined' });
    expect(d.explanation).toContain('the scope holds no policy entry');
  });

  it('names scope references the file does not define', () => {
    const d = evaluate(policyOf(file, user('a'), { groups: ['nope'] }), CONNECT, '');
    expect(d.explanation).toContain('group app:nope');
  });
});

describe('websocket checks (module.go: connect with "", connect.url with the URL as written)', () => {
  const file = registry(
    entry('connect', 'actions: websocket.connect\nresources: "*"\neffect: allow'),
    entry(
      'urls',
      'actions: websocket.connect.url\nresources: "wss://api.example.com/"\neffect: allow',
    ),
  );
  const p = policyOf(file, user('a'), { groups: ['g'] });

  it('websocket.connect is checked with the empty resource, which only "*" matches', () => {
    const exactOnly = policyOf(
      registry(entry('c', 'actions: websocket.connect\nresources: "ws"\neffect: allow')),
      user('a'),
      { groups: ['g'] },
    );
    const d = evaluate(exactOnly, CONNECT, '');
    expect(d.allowed).toBe(false);
    expect(d.explanation).toContain(
      'the empty resource of websocket.connect does not match resources "ws"',
    );
    expect(evaluate(p, CONNECT, '').entry).toBe('app:connect');
  });

  it('the URL is compared as written: no normal form, no case folding', () => {
    expect(checkConnect(p, 'wss://api.example.com/ws')).toMatchObject({
      allowed: false,
      outcome: 'undefined',
    });
    expect(checkConnect(p, 'wss://api.example.com/')).toMatchObject({
      allowed: true,
      entry: 'app:urls',
    });
    expect(checkConnect(p, 'wss://API.example.com/').allowed).toBe(false);
  });

  it('checkConnect stops at a denied websocket.connect', () => {
    const noConnect = policyOf(
      registry(entry('u', 'actions: websocket.connect.url\nresources: "*"\neffect: allow')),
      user('a'),
      {
        groups: ['g'],
      },
    );
    expect(checkConnect(noConnect, 'ws://x/')).toMatchObject({ action: CONNECT, allowed: false });
    expect(evaluate(noConnect, CONNECT_URL, 'ws://x/').allowed).toBe(true);
  });

  it('a host wildcard glob is literal: wss://*.example.com/* does not match wss://api.example.com/ws (util.go)', () => {
    const glob = policyOf(
      registry(
        entry('w', 'actions: "websocket.*"\nresources: "wss://*.example.com/*"\neffect: allow'),
      ),
      user('a'),
      { groups: ['g'] },
    );
    expect(evaluate(glob, CONNECT_URL, 'wss://api.example.com/ws').allowed).toBe(false);
    expect(evaluate(glob, CONNECT_URL, 'wss://*.example.com/ws').allowed).toBe(true);
  });
});

describe('security.policy.expr entries (expr_policy.go; docs security.md "Expression-Based Policy")', () => {
  const file = `version: "1.0"
namespace: app.security
entries:
  - name: flexible_access
    kind: security.policy.expr
    policy:
      actions:
        - read
        - write
      resources: "file:*"
      effect: allow
      expression: |
        (actor.meta.role == "editor" && action == "write") ||
        (action == "read" && meta.public == true) ||
        actor.id == meta.owner
    groups:
      - editors
`;
  const scope = { groups: ['editors'] };

  it('allows the docs example three ways, and is undefined otherwise', () => {
    const editor = policyOf(file, user('e', { role: 'editor' }), scope);
    expect(decide(editor, 'write', 'file:a', null).entry).toBe('app.security:flexible_access');
    const reader = policyOf(file, user('r'), scope);
    expect(decide(reader, 'read', 'file:a', { public: true }).allowed).toBe(true);
    expect(decide(reader, 'write', 'file:a', { owner: 'r' }).allowed).toBe(true);
    const no = decide(reader, 'write', 'file:a', { owner: 'x' });
    expect(no).toMatchObject({ allowed: false, outcome: 'undefined' });
    expect(no.explanation).toContain('expression is false');
  });

  it('an evaluation error makes the entry undefined (expr_policy.go)', () => {
    const p = policyOf(
      registry(
        entry(
          'e',
          'actions: "*"\nresources: "*"\neffect: allow\nexpression: actor.meta.level > 2',
          '[g]',
          'security.policy.expr',
        ),
      ),
      user('a'),
      { groups: ['g'] },
    );
    const d = evaluate(p, CONNECT, '');
    expect(d.outcome).toBe('undefined');
    expect(d.explanation).toContain('expression failed: invalid operation: nil > int');
  });
});
