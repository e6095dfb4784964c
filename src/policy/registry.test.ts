/**
 * Reading the platform's registry file: validation as `api/service/security/policy/config.go`
 * `Validate` and `expr_config.go` do, problems at their lines, other kinds kept and ignored.
 */
import { describe, expect, it } from 'vitest';
import { readRegistry } from './registry.ts';

const file = (entries: string) => `version: "1.0"\nnamespace: app.security\nentries:\n${entries}`;

function problems(text: string) {
  const r = readRegistry(text);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('readRegistry', () => {
  it('reads both policy kinds with IDs, groups and lines; ignores other kinds', () => {
    const r = readRegistry(
      file(`  - name: fn
    kind: function.lua
    source: file://x.lua
  - name: p
    kind: security.policy
    policy: {actions: "*", resources: ["a", "b*"], effect: deny}
    groups: [admin, other.ns:shared]
  - name: e
    kind: security.policy.expr
    policy: {actions: read, resources: "*", effect: allow, expression: 'action == "read"'}
    groups: [other.ns:x]
`),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.ignored).toEqual([{ id: 'app.security:fn', kind: 'function.lua' }]);
    expect(r.file.entries.map((e) => [e.id, e.kind, e.line, e.groups])).toEqual([
      ['app.security:p', 'security.policy', 7, ['app.security:admin', 'other.ns:shared']],
      // expr_config.go GetGroupIDs does not parse "ns:name": the namespace is always the entry's.
      ['app.security:e', 'security.policy.expr', 11, ['app.security:other.ns:x']],
    ]);
  });

  it('refuses the errors of Config.Validate, each at its line', () => {
    const list = problems(
      file(`  - name: p
    kind: security.policy
    policy:
      actions: []
      resources: 5
      effect: permit
      conditions:
        - field: actor.id
          operator: equals
          value: x
        - field: actor.id
          operator: eq
`),
    );
    expect(list).toEqual([
      { line: 9, message: 'app.security:p: invalid policy effect: "permit" (allow or deny)' },
      { line: 7, message: 'app.security:p: actions list cannot be empty' },
      { line: 8, message: 'app.security:p: resources must be a string or list' },
      { line: 12, message: 'app.security:p: condition 0: invalid operator: equals' },
      { line: 14, message: 'app.security:p: condition 1: value or value_from is required' },
    ]);
  });

  it('refuses an expression that does not compile and a matches pattern that is not RE2', () => {
    const list = problems(
      file(`  - name: e
    kind: security.policy.expr
    policy: {actions: "*", resources: "*", effect: allow, expression: "all(meta.tags, {# > 1})"}
  - name: r
    kind: security.policy
    policy:
      actions: "*"
      resources: "*"
      effect: allow
      conditions: [{field: resource, operator: matches, value: "(?=x)"}]
`),
    );
    expect(list[0]).toMatchObject({
      line: 6,
      message: expect.stringContaining('failed to compile expression: function calls (all'),
    });
    expect(list[1]).toMatchObject({
      line: 13,
      message: expect.stringContaining('invalid or unsupported Perl syntax'),
    });
  });

  it('gives YAML syntax errors their line, and refuses duplicate names and keys', () => {
    expect(
      problems('version: "1.0"\nnamespace: a\nentries:\n  - name: x\n    kind: [\n')[0]!.line,
    ).toBeGreaterThan(0);
    expect(problems('namespace: a\nnamespace: b\n')[0]!.message).toMatch(/unique/i);
    const dup = problems(
      file(`  - {name: p, kind: security.policy, policy: {actions: "*", resources: "*", effect: allow}}
  - {name: p, kind: security.policy, policy: {actions: "*", resources: "*", effect: deny}}
`),
    );
    expect(dup[0]).toMatchObject({
      line: 5,
      message: 'app.security:p: a second entry with this name',
    });
  });

  it('warns of a literal "*" in a pattern, with the line', () => {
    const r = readRegistry(
      file(`  - name: p
    kind: security.policy
    policy:
      actions: "websocket.*"
      resources: "wss://*.example.com/*"
      effect: allow
`),
    );
    expect(r.ok && r.file.warnings).toEqual([
      { line: 8, message: expect.stringContaining('literal on the platform') },
    ]);
  });

  it('warns of unknown fields, which the platform drops silently (a typo would drop a condition)', () => {
    const r = readRegistry(
      file(`  - name: p
    kind: security.policy
    policy:
      actions: "*"
      resources: ["*", 3]
      effect: allow
      condtions:
        - {field: actor.id, operator: eq, value: admin}
`),
    );
    if (!r.ok) throw new Error('expected a file');
    expect(r.file.entries[0]).toMatchObject({ kind: 'security.policy', conditions: [] });
    expect(r.file.warnings.map((w) => [w.line, w.message])).toEqual([
      [10, expect.stringContaining('app.security:p: policy: unknown field "condtions" is ignored')],
      [8, expect.stringContaining('resources items that are not strings never match')],
    ]);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
      .concat(
        ['b', 'c', 'd', 'e', 'f', 'g'].map(
          (k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`,
        ),
      )
      .join('\n');
    expect(problems(`${bomb}\nnamespace: x\n`)[0]!.message).toMatch(/alias/i);
  });

  it('needs a namespace', () => {
    expect(problems('version: "1.0"\nentries: []\n')[0]!.message).toContain('namespace must be');
  });
});
