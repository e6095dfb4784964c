/**
 * The expr-lang subset: the expressions of `wippyai/runtime`
 * `service/security/policy/expr_policy_test.go` and `wippyai/docs` (`en/system/security.md`,
 * `en/guides/entry-kinds.md`), expr-lang's precedences and runtime rules
 * (`vm/runtime/runtime.go` Fetch / In / Equal), and the constructs it refuses.
 */
import { describe, expect, it } from 'vitest';
import { ExprError, parseExpr } from './expr.ts';
import { evaluateExpr } from './expr-eval.ts';
import type { ExprEnv } from './expr-eval.ts';

const env = (over: Partial<ExprEnv> = {}): ExprEnv => ({
  actor: { id: 'user1', meta: { role: 'user' } },
  action: 'document.read',
  resource: 'document:1',
  meta: null,
  ...over,
});

const run = (source: string, over: Partial<ExprEnv> = {}) =>
  evaluateExpr(parseExpr(source), env(over));

describe('expressions of expr_policy_test.go and the docs', () => {
  it('TestExprPolicy_SimpleExpression: actor.meta.role == "admin"', () => {
    expect(run('actor.meta.role == "admin"', { actor: { id: 'a', meta: { role: 'admin' } } })).toBe(
      true,
    );
    expect(run('actor.meta.role == "admin"')).toBe(false);
  });

  it('TestExprPolicy_ComplexExpression: || over a parenthesised &&', () => {
    const source =
      'actor.meta.role == "admin" || (action == "document.read" && meta.public == true)';
    expect(run(source, { meta: { public: true } })).toBe(true);
    expect(run(source, { meta: { public: false } })).toBe(false);
  });

  it('TestExprPolicy_ResourceMatching: resource matches "^document:.*" && action == ...', () => {
    expect(run('resource matches "^document:.*" && action == "document.read"')).toBe(true);
    expect(run('resource matches "^document:.*"', { resource: 'file:1' })).toBe(false);
  });

  it('TestExprPolicy_MetadataComparison: meta.owner == actor.id', () => {
    expect(run('meta.owner == actor.id', { meta: { owner: 'user1' } })).toBe(true);
    expect(run('meta.owner == actor.id')).toBe(false);
  });

  it('entry-kinds.md: actor.id == meta.owner_id || actor.meta.role == "admin"', () => {
    expect(
      run('actor.id == meta.owner_id || actor.meta.role == "admin"', {
        meta: { owner_id: 'user1' },
      }),
    ).toBe(true);
  });

  it('in with an array literal (TestExprPolicy_ArrayOperations, first half)', () => {
    expect(run('action in ["document.read", "document.list"]')).toBe(true);
    expect(run('action not in ["document.read"]')).toBe(false);
  });

  it('refuses all(...) of TestExprPolicy_ArrayOperations by name, not by a guess', () => {
    expect(() => parseExpr('action in ["a"] && all(meta.tags, {# != "private"})')).toThrow(
      /function calls \(all\(\.\.\.\)\) at column 20: not in the playground's subset/,
    );
  });

  it('TestExprPolicy_InvalidExpression: "invalid syntax here" does not compile', () => {
    expect(() => parseExpr('invalid syntax here')).toThrow(ExprError);
    expect(() => parseExpr('')).toThrow('expression cannot be empty');
  });
});

describe('operators and precedence (parser/operator)', () => {
  it('and/or/not words and && || ! symbols', () => {
    expect(run('not (action == "x") and true')).toBe(true);
    expect(run('!false && (false || true)')).toBe(true);
    expect(run('false or true and false')).toBe(false);
  });

  it('startsWith, endsWith, contains, matches and their not forms', () => {
    expect(run('resource startsWith "document:"')).toBe(true);
    expect(run('resource endsWith ":1"')).toBe(true);
    expect(run('resource contains "ment"')).toBe(true);
    expect(run('resource not contains "file"')).toBe(true);
    expect(run('resource not matches "^file"')).toBe(true);
  });

  it('comparisons of numbers and of strings; unary minus; numbers with _ and exponents', () => {
    expect(run('actor.meta.level >= 3', { actor: { id: 'a', meta: { level: 3 } } })).toBe(true);
    expect(run('"abc" < "abd" && 1_000 > 1e2 && -1 < 0')).toBe(true);
  });

  it('member access: a["b"], a?.b, array index, missing keys read nil', () => {
    expect(run('actor.meta["role"] == "user"')).toBe(true);
    expect(run('meta.a?.b == nil')).toBe(true);
    expect(run('meta.tags[0] == "x" && meta.tags[-1] == "y"', { meta: { tags: ['x', 'y'] } })).toBe(
      true,
    );
    expect(run('meta.missing == nil && meta == nil')).toBe(true);
    expect(run('"role" in actor.meta && "ID" in actor && !("id" in actor)')).toBe(true);
  });

  it('string literals: \'...\', "..." with escapes, `raw`', () => {
    expect(run(`action == 'document.read' && "a\\"b" == \`a"b\``)).toBe(true);
  });
});

describe('runtime errors (the entry is undefined) and compile errors (the entry is refused)', () => {
  it('runtime: fetch from nil, comparing nil, && on a non-boolean, unknown actor field', () => {
    expect(() => run('meta.a.b == 1')).toThrow('cannot fetch b from nil');
    expect(() => run('actor.meta.level > 2')).toThrow('invalid operation: nil > int');
    expect(() => run('meta.flag && true')).toThrow('&& needs a boolean, got nil');
    expect(() => run('actor.name == "x"')).toThrow('cannot fetch name from security.Actor');
  });

  it('compile: mismatched known types and a result that is not boolean', () => {
    expect(() => parseExpr('"a" && true')).toThrow(
      'invalid operation: && (mismatched types string and bool)',
    );
    expect(() => parseExpr('1 < "b"')).toThrow('mismatched types number and string');
    expect(() => parseExpr('"yes"')).toThrow('expected bool, but got string');
    expect(() => parseExpr('resource matches "[a"')).toThrow('invalid regular expression');
  });

  it('names each construct outside the subset', () => {
    expect(() => parseExpr('actor.meta.level + 1 > 2')).toThrow(/arithmetic at column 18/);
    expect(() => parseExpr('meta.a ?? true')).toThrow(/nil coalescing/);
    expect(() => parseExpr('true ? true : false')).toThrow(/conditional/);
    expect(() => parseExpr('len(meta.tags) > 0')).toThrow(/function calls \(len/);
    expect(() => parseExpr('actor.id.upper() == "X"')).toThrow(/method calls/);
    expect(() => parseExpr('let x = 1; x == 1')).toThrow(/"let"/);
    expect(() => parseExpr('meta | true')).toThrow(/pipes/);
  });
});
