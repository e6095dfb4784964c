/**
 * Cases from `wippyai/runtime` `service/security/policy/condition_evaluator_test.go` (named as
 * there) and the condition examples of `wippyai/docs` `en/system/security.md`.
 */
import { describe, expect, it } from 'vitest';
import { conditionPatterns, evaluateCondition } from './conditions.ts';
import type { Request } from './conditions.ts';
import type { Condition } from './types.ts';

const base: Request = {
  actor: {
    id: 'user123',
    meta: { role: 'admin', clearance: 3, team: { name: 'backend', lead: { id: 'x' } } },
  },
  action: 'read',
  resource: 'document',
  meta: {
    owner: 'user123',
    tags: ['public', 'shared'],
    priority: 4,
    nested: { level: { deep: 'yes' } },
  },
};

function holds(condition: Condition, request: Partial<Request> = {}): boolean {
  const all: Condition[] = [condition];
  return evaluateCondition(condition, { ...base, ...request }, conditionPatterns(all)).held;
}

const c = (
  field: string,
  operator: Condition['operator'],
  value?: unknown,
  value_from?: string,
): Condition =>
  value_from === undefined ? { field, operator, value } : { field, operator, value_from };

describe('field paths (TestExtractField)', () => {
  it('actor field, actor meta, nested actor meta, direct and nested meta, action, resource', () => {
    expect(holds(c('actor.id', 'eq', 'user123'))).toBe(true);
    expect(holds(c('actor.meta.role', 'eq', 'admin'))).toBe(true);
    expect(holds(c('actor.meta.team.lead.id', 'eq', 'x'))).toBe(true);
    expect(holds(c('meta.owner', 'eq', 'user123'))).toBe(true);
    expect(holds(c('meta.nested.level.deep', 'eq', 'yes'))).toBe(true);
    expect(holds(c('action', 'eq', 'read'))).toBe(true);
    expect(holds(c('resource', 'eq', 'document'))).toBe(true);
  });

  it('direct meta access: an unknown root is looked up whole in the metadata', () => {
    expect(holds(c('owner', 'eq', 'user123'))).toBe(true);
  });

  it('non-existent field and nil meta: not found, so only exists/nexists can hold', () => {
    expect(holds(c('meta.missing', 'eq', 'x'))).toBe(false);
    expect(holds(c('meta.owner', 'eq', 'user123'), { meta: null })).toBe(false);
    expect(holds(c('meta.missing', 'ne', 'x'))).toBe(false);
  });

  it('invalid actor field: an error, the condition fails', () => {
    const r = evaluateCondition(c('actor.name', 'eq', 'x'), base, new Set());
    expect(r).toMatchObject({ held: false, error: 'unknown actor field name' });
  });
});

describe('operators (TestEvaluateCondition, TestCompare)', () => {
  it('exists / nexists, with the boolean value deciding (exists false on a missing field holds)', () => {
    expect(holds(c('meta.owner', 'exists', true))).toBe(true);
    expect(holds(c('meta.owner', 'exists', false), { meta: {} })).toBe(true);
    expect(holds(c('meta.missing', 'nexists', true), { meta: {} })).toBe(true);
    expect(holds(c('meta.owner', 'nexists', true))).toBe(false);
  });

  it('equals: numbers, and mixed types that read as the same number', () => {
    expect(holds(c('meta.priority', 'eq', 4))).toBe(true);
    expect(holds(c('meta.priority', 'eq', '4'))).toBe(true);
    expect(holds(c('meta.priority', 'eq', '4.0'))).toBe(true);
    expect(holds(c('actor.meta.role', 'ne', 'user'))).toBe(true);
  });

  it('lt gt lte gte need numbers; numeric strings count', () => {
    expect(holds(c('actor.meta.clearance', 'gte', 3))).toBe(true);
    expect(holds(c('actor.meta.clearance', 'lt', 3))).toBe(false);
    expect(holds(c('meta.priority', 'lte', '4'))).toBe(true);
    expect(holds(c('meta.priority', 'gt', 5))).toBe(false);
    const r = evaluateCondition(c('actor.meta.role', 'gt', 2), base, new Set());
    expect(r.error).toBe('numeric comparison requires numeric values');
  });

  it('in / nin with a list, and in with a single value (compared with eq)', () => {
    expect(holds(c('actor.meta.role', 'in', ['admin', 'moderator']))).toBe(true);
    expect(holds(c('action', 'in', 'read'))).toBe(true);
    expect(holds(c('meta.priority', 'in', [1, 4]))).toBe(true);
    expect(holds(c('action', 'nin', ['write', 'delete']))).toBe(true);
    expect(holds(c('action', 'nin', ['read']))).toBe(false);
    expect(evaluateCondition(c('action', 'in', 3), base, new Set()).error).toContain(
      "'in' operator requires slice",
    );
  });

  it('contains / ncontains on text and on list items', () => {
    expect(holds(c('resource', 'contains', 'cum'))).toBe(true);
    expect(holds(c('meta.tags', 'contains', 'public'))).toBe(true);
    expect(holds(c('meta.tags', 'ncontains', 'private'))).toBe(true);
    expect(holds(c('resource', 'ncontains', 'public'))).toBe(true);
  });

  it('matches / nmatches use the patterns compiled from "value" (TestRegexPrecompilation)', () => {
    expect(holds(c('resource', 'matches', '^doc'))).toBe(true);
    expect(holds(c('actor.id', 'nmatches', '^system:.*'))).toBe(true);
    // value_from is never pre-compiled: "matches operator with non-pre-compiled pattern should fail".
    const fromField: Condition = {
      field: 'resource',
      operator: 'matches',
      value_from: 'meta.owner',
    };
    const r = evaluateCondition(fromField, base, conditionPatterns([fromField]));
    expect(r.held).toBe(false);
    expect(r.error).toContain('not pre-compiled');
  });

  it('value_from compares two fields (docs: meta.owner eq value_from actor.id)', () => {
    expect(holds(c('meta.owner', 'eq', undefined, 'actor.id'))).toBe(true);
    expect(
      holds(c('meta.owner', 'eq', undefined, 'actor.id'), { actor: { id: 'other', meta: {} } }),
    ).toBe(false);
  });

  it('names the panics of Go as errors instead of guessing', () => {
    expect(evaluateCondition(c('meta.missing', 'exists', 'yes'), base, new Set()).error).toContain(
      'panics',
    );
    expect(
      evaluateCondition(c('meta.tags', 'eq', ['public', 'shared']), base, new Set()).error,
    ).toContain('panics');
  });
});

describe('docs condition examples (security.md "Condition Examples")', () => {
  it('role, numeric, membership, pattern and multiple conditions', () => {
    expect(holds(c('actor.meta.role', 'eq', 'admin'))).toBe(true);
    expect(holds(c('actor.meta.clearance', 'gte', 3))).toBe(true);
    expect(holds(c('actor.meta.role', 'in', ['admin', 'moderator']))).toBe(true);
    expect(
      holds(c('resource', 'matches', '^api:/v[0-9]+/admin/.*'), { resource: 'api:/v1/admin/x' }),
    ).toBe(true);
    expect(
      holds(c('resource', 'matches', '^api:/v[0-9]+/admin/.*'), { resource: 'api:/v1/users' }),
    ).toBe(false);
  });
});
