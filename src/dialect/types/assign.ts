/**
 * Assignability (`en/lua/types.md` "Subtyping"): integer <: number, never <: everything,
 * everything <: any, A <: A | B, T <: T?, literals <: their primitive, records structurally
 * (a missing required field is the reason given). A checker that is still growing must never
 * report a false error, so wherever the model cannot decide (type parameters, function shapes,
 * tables of unknown shape) the answer is "assignable".
 */
import { fieldOf, resolve, widen, type Type } from './model.ts';
import { formatType } from './format.ts';

export interface Verdict {
  ok: boolean;
  /** Why not, when there is more to say than the two types (`missing field 'name'`). */
  reason?: string;
}

const YES: Verdict = { ok: true };
const NO: Verdict = { ok: false };

export function isAssignable(source: Type, target: Type): boolean {
  return assignable(source, target).ok;
}

export function assignable(source: Type, target: Type, depth = 0): Verdict {
  // Two recursive types could branch forever; this deep, the answer is "assignable".
  if (depth > 12) return YES;
  const next = (s: Type, t: Type) => assignable(s, t, depth + 1);
  if (source === target) return YES;
  if (target.kind === 'any' || target.kind === 'unknown') return YES;
  if (source.kind === 'any' || source.kind === 'never') return YES;
  if (source.kind === 'typeParam') return YES;
  if (target.kind === 'typeParam') {
    return target.constraint ? next(source, target.constraint) : YES;
  }
  if (source.kind === 'named' && target.kind === 'named' && source.name === target.name) return YES;
  if (source.kind === 'named') return next(source.target, target);
  if (target.kind === 'named') return next(source, target.target);
  if (source.kind === 'unknown') return NO;

  if (source.kind === 'union') {
    for (const m of source.members) {
      const v = next(m, target);
      if (!v.ok) return v.reason ? v : NO;
    }
    return YES;
  }
  if (source.kind === 'optional') {
    if (!next({ kind: 'primitive', name: 'nil' }, target).ok) return NO;
    return next(source.inner, target);
  }
  if (target.kind === 'optional') {
    if (source.kind === 'primitive' && source.name === 'nil') return YES;
    return next(source, target.inner);
  }
  if (target.kind === 'union') {
    let reason: string | undefined;
    for (const m of target.members) {
      const v = next(source, m);
      if (v.ok) return YES;
      reason ??= v.reason;
    }
    // A reason only helps when one member was meant (a table literal against a record).
    return target.members.length === 1 ? { ok: false, reason } : NO;
  }
  if (target.kind === 'intersection') {
    for (const m of target.members) {
      const v = next(source, m);
      if (!v.ok) return v;
    }
    return YES;
  }
  if (source.kind === 'intersection') {
    return recordFromIntersection(source, target, next);
  }
  return structural(source, target, next);
}

type Next = (s: Type, t: Type) => Verdict;

function recordFromIntersection(
  source: Extract<Type, { kind: 'intersection' }>,
  target: Type,
  next: Next,
): Verdict {
  if (source.members.some((m) => next(m, target).ok)) return YES;
  const r = resolve(target);
  if (r.kind !== 'record') return NO;
  for (const f of r.fields) {
    const have = fieldOf(source, f.name);
    if (!have) {
      if (!f.optional) return { ok: false, reason: `missing field '${f.name}'` };
      continue;
    }
    if (!next(have.type, f.type).ok) return NO;
  }
  return YES;
}

function structural(source: Type, target: Type, next: Next): Verdict {
  switch (target.kind) {
    case 'primitive':
      return primitiveTarget(source, target.name);
    case 'literal':
      return source.kind === 'literal' && source.value === target.value ? YES : NO;
    case 'table':
      return isTableLike(source) ? YES : NO;
    case 'function':
      return source.kind === 'function' || source.kind === 'table' ? YES : NO;
    case 'array':
      if (source.kind === 'array') return next(source.elem, target.elem);
      if (source.kind === 'record') return source.fields.length === 0 ? YES : NO;
      return source.kind === 'table' || source.kind === 'map' ? YES : NO;
    case 'map':
      if (source.kind === 'map') {
        const k = next(source.key, target.key);
        return k.ok ? next(source.value, target.value) : k;
      }
      if (source.kind === 'record') {
        for (const f of source.fields) {
          if (!next({ kind: 'literal', value: f.name }, target.key).ok) return NO;
          if (!next(f.type, target.value).ok) return NO;
        }
        return YES;
      }
      if (source.kind === 'array') {
        return next({ kind: 'primitive', name: 'integer' }, target.key).ok
          ? next(source.elem, target.value)
          : NO;
      }
      return source.kind === 'table' ? YES : NO;
    case 'record':
      return recordTarget(source, target, next);
    default:
      return YES;
  }
}

function primitiveTarget(source: Type, name: string): Verdict {
  if (source.kind === 'primitive') {
    if (source.name === name) return YES;
    return source.name === 'integer' && name === 'number' ? YES : NO;
  }
  if (source.kind === 'literal') {
    const widened = widen(source);
    if (widened.kind !== 'primitive') return NO;
    if (widened.name === name) return YES;
    return widened.name === 'integer' && name === 'number' ? YES : NO;
  }
  return NO;
}

function isTableLike(t: Type): boolean {
  return t.kind === 'table' || t.kind === 'record' || t.kind === 'array' || t.kind === 'map';
}

function recordTarget(
  source: Type,
  target: Extract<Type, { kind: 'record' }>,
  next: Next,
): Verdict {
  if (source.kind === 'table' || source.kind === 'map') return YES;
  if (source.kind === 'array') return YES;
  if (source.kind !== 'record') return NO;
  for (const f of target.fields) {
    const have = source.fields.find((g) => g.name === f.name);
    if (!have) {
      if (f.optional) continue;
      return { ok: false, reason: `missing field '${f.name}'` };
    }
    const v = next(have.type, f.type);
    if (!v.ok) {
      return {
        ok: false,
        reason: `field '${f.name}': expected ${formatType(f.type)}, got ${formatType(have.type)}`,
      };
    }
  }
  return YES;
}
