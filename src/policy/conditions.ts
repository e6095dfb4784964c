/**
 * Conditions of a `security.policy` entry, evaluated as the platform's `ConditionEvaluator`
 * does (`wippyai/runtime` `service/security/policy/condition_evaluator.go`), step by step:
 *
 * - A field path is split at dots. `actor.id`, `actor.meta.<key>[.<nested>...]`,
 *   `meta.<key>[...]` (the check's metadata: always none for websocket checks, the platform
 *   passes nil), `action` and `resource` (anything after their first dot is ignored); any other
 *   path is looked up whole in the check's metadata. A missing key is "not found": no error,
 *   the value is nil. `actor.x` with x not `id`/`meta` is an error.
 * - `value_from` reads a second field the same way; otherwise `value` is the YAML value.
 * - With a nil field only `exists`/`nexists` can hold; with a value, each operator compares as
 *   its Go function does: numbers and numeric strings compare as numbers, then text
 *   (`equals`); `lt gt lte gte` need two numbers; `in` needs a list (or a string, compared
 *   with `eq`); `contains` tests text, or list items; `matches` uses the entry's pattern
 *   compiled when it was loaded, so with `value_from` it is an error.
 * - An error makes the condition fail, and the entry is undefined (`policy.go`).
 *
 * Go panics in two places (`exists` with a nil field and a non-boolean value; `eq` between two
 * lists or two maps): here those are errors that name the panic.
 */
import type { Actor, Condition } from './types.ts';
import { compileGoRegexp } from './re2.ts';

/** What one condition made of the request, with the values it compared. */
export interface ConditionResult {
  held: boolean;
  /** Set when the condition failed by an error rather than by comparison. */
  error?: string;
  /** The condition: `actor.meta.role eq "admin"`. */
  text: string;
  /** What the field held: `actor.meta.role is "dev"`; the error when it failed by one. */
  found: string;
}

export interface Request {
  actor: Actor;
  action: string;
  resource: string;
  /** The check's metadata; websocket checks pass none (nil). */
  meta: Record<string, unknown> | null;
}

class ConditionError extends Error {}
const NOT_FOUND = undefined;

export function evaluateCondition(
  condition: Condition,
  request: Request,
  /** The entry's `matches`/`nmatches` patterns, compiled at load (the `value` strings). */
  patterns: ReadonlySet<string>,
): ConditionResult {
  const text = describeCondition(condition);
  try {
    const field = extractField(condition.field, request);
    const compare =
      condition.value_from !== undefined && condition.value_from !== ''
        ? extractField(condition.value_from, request)
        : condition.value;
    const held = compare_(field, compare, condition.operator, patterns);
    return { held, text, found: `${condition.field} is ${showValue(field)}` };
  } catch (e) {
    if (!(e instanceof ConditionError)) throw e;
    return { held: false, error: e.message, text, found: `error: ${e.message}` };
  }
}

export function describeCondition(c: Condition): string {
  const rhs = c.value_from !== undefined && c.value_from !== '' ? c.value_from : showValue(c.value);
  return `${c.field} ${c.operator} ${rhs}`;
}

/** The patterns `NewConditionEvaluator` compiles: string values of `matches`/`nmatches`. */
export function conditionPatterns(conditions: readonly Condition[]): Set<string> {
  const set = new Set<string>();
  for (const c of conditions) {
    if ((c.operator === 'matches' || c.operator === 'nmatches') && typeof c.value === 'string')
      set.add(c.value);
  }
  return set;
}

function extractField(path: string, request: Request): unknown {
  const parts = path.split('.');
  switch (parts[0]) {
    case 'actor':
      if (parts.length < 2) throw new ConditionError(`invalid actor field path ${path}`);
      return extractActorField(request.actor, parts.slice(1));
    case 'meta':
      if (parts.length < 2) throw new ConditionError(`invalid meta field path ${path}`);
      return extractNested(request.meta, parts.slice(1));
    case 'action':
      return request.action;
    case 'resource':
      return request.resource;
    default:
      return request.meta === null ? NOT_FOUND : own(request.meta, path);
  }
}

function extractActorField(actor: Actor, parts: string[]): unknown {
  if (parts[0] === 'id') return actor.id;
  if (parts[0] !== 'meta') throw new ConditionError(`unknown actor field ${parts[0]}`);
  if (parts.length === 1) return actor.meta;
  return extractNested(actor.meta, parts.slice(1));
}

/** `extractMetaField` / `extractNestedMap`: through maps only; anything else is not found. */
function extractNested(map: unknown, parts: string[]): unknown {
  let current = map;
  for (const key of parts) {
    if (!isMap(current)) return NOT_FOUND;
    current = own(current, key);
  }
  return current;
}

function compare_(
  field: unknown,
  compare: unknown,
  operator: string,
  patterns: ReadonlySet<string>,
): boolean {
  if (field === undefined || field === null) {
    if (operator === 'exists' || operator === 'nexists') {
      if (typeof compare !== 'boolean') {
        throw new ConditionError(
          `${operator} on a missing field needs a boolean value (the platform panics here)`,
        );
      }
      return operator === 'exists' ? !compare : compare;
    }
    return false;
  }
  switch (operator) {
    case 'exists':
      return typeof compare === 'boolean' ? compare : true;
    case 'nexists':
      return typeof compare === 'boolean' ? !compare : false;
    case 'eq':
      return equals(field, compare);
    case 'ne':
      return !equals(field, compare);
    case 'lt':
    case 'gt':
    case 'lte':
    case 'gte':
      return compareNumeric(field, compare, operator);
    case 'in':
      return isIn(field, compare);
    case 'nin':
      return !isIn(field, compare);
    case 'contains':
      return contains(field, compare);
    case 'ncontains':
      return !contains(field, compare);
    case 'matches':
      return matches(field, compare, patterns);
    case 'nmatches':
      return !matches(field, compare, patterns);
    default:
      throw new ConditionError(`unsupported operator ${operator}`);
  }
}

function equals(a: unknown, b: unknown): boolean {
  if ((Array.isArray(a) && Array.isArray(b)) || (isMap(a) && isMap(b))) {
    throw new ConditionError('eq cannot compare two lists or two maps (the platform panics here)');
  }
  if (a === b && a !== undefined && a !== null) return true;
  const na = toFloat64(a);
  const nb = toFloat64(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  const sa = toGoString(a);
  const sb = toGoString(b);
  return sa !== undefined && sb !== undefined && sa === sb;
}

function compareNumeric(a: unknown, b: unknown, operator: string): boolean {
  const na = toFloat64(a);
  const nb = toFloat64(b);
  if (na === undefined || nb === undefined) {
    throw new ConditionError('numeric comparison requires numeric values');
  }
  if (operator === 'lt') return na < nb;
  if (operator === 'gt') return na > nb;
  if (operator === 'lte') return na <= nb;
  return na >= nb;
}

function isIn(field: unknown, list: unknown): boolean {
  if (typeof list === 'string') return equals(field, list);
  if (!Array.isArray(list)) {
    throw new ConditionError("'in' operator requires slice or array for comparison");
  }
  return list.some((item) => equals(field, item));
}

function contains(field: unknown, part: unknown): boolean {
  const text = toGoString(field);
  const sub = toGoString(part);
  if (text !== undefined && sub !== undefined) return text.includes(sub);
  if (Array.isArray(field)) return field.some((item) => equals(item, part));
  if (typeof field === 'string') return [...field].some((ch) => equals(ch, part));
  throw new ConditionError("'contains' operator requires string or slice field value");
}

function matches(field: unknown, pattern: unknown, patterns: ReadonlySet<string>): boolean {
  const text = toGoString(field);
  const source = toGoString(pattern);
  if (text === undefined || source === undefined) {
    throw new ConditionError("'matches' operator requires string values");
  }
  if (!patterns.has(source)) {
    throw new ConditionError(
      `regex pattern ${JSON.stringify(source)} not pre-compiled (only a "value" is compiled, not "value_from")`,
    );
  }
  const compiled = compileGoRegexp(source);
  if (!compiled.ok) throw new ConditionError(compiled.error);
  return compiled.regex.test(text);
}

/** `toFloat64`: numbers, and strings `strconv.ParseFloat` reads. */
function toFloat64(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  if (/^[+-]?(inf|infinity)$/i.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(value)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value)) return undefined;
  return Number(value);
}

/** `toString`: Go's text of a value (`%v` for maps), undefined for nil and lists. */
export function toGoString(value: unknown): string | undefined {
  if (value === undefined || value === null || Array.isArray(value)) return undefined;
  return goFormat(value);
}

function goFormat(value: unknown): string {
  if (value === undefined || value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  if (isMap(value)) {
    const keys = Object.keys(value).sort();
    return `map[${keys.map((k) => `${k}:${goFormat(value[k])}`).join(' ')}]`;
  }
  return String(value);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(map: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : NOT_FOUND;
}

export function showValue(value: unknown): string {
  if (value === undefined) return 'not found';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
