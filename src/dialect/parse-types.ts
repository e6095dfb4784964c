/**
 * The type grammar of the platform's Lua (go-lua `parser.go.y`, `typeexpr` and below):
 *
 *   Type      = Simple {('|' | '&') Simple} | Simple 'extends' Simple '?' Type ':' Type
 *   Simple    = Primary {Validator} | Simple '?'
 *   Primary   = nil | true | false | String | Number | Name | Name '.' Name | Name '<' Types '>'
 *             | '{' Type '}' | '{' '[' Type ']' ':' Type '}' | '{' Fields '}' | '{' '}'
 *             | '(' [FParams] ')' '->' Returns | 'fun' '(' [FParams] ')' [':' Returns]
 *             | 'interface' '{' Fields '}' | 'readonly' '{' … '}'
 *             | 'asserts' Name ['is' Type] | 'typeof' '(' exp ')' | 'keyof' '(' Type ')'
 *             | Primary '[' ']' | Primary '[' Type ']'
 *
 * `|` and `&` share one level, left to right, as in go-lua (`A | B & C` is `(A | B) & C`).
 */
import type {
  FunctionType,
  FunctionTypeParam,
  RecordField,
  RecordType,
  ReturnAnnotation,
  Type,
  TypeParams,
  Validator,
} from './ast.ts';
import type { Token } from './lexer.ts';
import type { Parser } from './parser.ts';

/** Words that may name a record field though reserved (go-lua `typefieldname`). */
const KEYWORD_FIELD_NAMES = new Set([
  'type', 'interface', 'readonly', 'as', 'asserts', 'is', 'keyof', 'extends', 'typeof',
]); // prettier-ignore

export function parseType(p: Parser): Type {
  const first = parseSimple(p);
  if (p.is('extends')) return parseConditional(p, first);
  return continueUnion(p, first);
}

function continueUnion(p: Parser, first: Type): Type {
  let result = first;
  while (p.is('|') || p.is('&')) {
    const kind = p.advance().value === '|' ? 'UnionType' : 'IntersectionType';
    const next = parseSimple(p);
    if (result.kind === kind) {
      result.types.push(next);
      Object.assign(result, p.spanFrom(result));
    } else {
      result = { kind, types: [result, next], ...p.spanFrom(result) } as Type;
    }
  }
  return result;
}

function parseConditional(p: Parser, check: Type): Type {
  p.expect('extends');
  const extendsType = parseValidated(p);
  p.expect('?');
  const thenType = parseType(p);
  p.expect(':');
  const elseType = parseType(p);
  return {
    kind: 'ConditionalType',
    check,
    extends: extendsType,
    then: thenType,
    else: elseType,
    ...p.spanFrom(check),
  };
}

function parseSimple(p: Parser): Type {
  let type = parseValidated(p);
  while (p.is('?')) {
    p.advance();
    type = { kind: 'OptionalType', inner: type, ...p.spanFrom(type) };
  }
  return type;
}

/** A primary with its validators (`number @min(0)`). */
function parseValidated(p: Parser): Type {
  const type = parsePrimary(p);
  if (!p.is('@')) return type;
  const validators = parseValidators(p);
  if (type.kind === 'NamedType' || type.kind === 'ArrayType') {
    type.validators.push(...validators);
    Object.assign(type, p.spanFrom(type));
  }
  // go-lua drops validators on other kinds; so does this parser (they are still erased).
  return type.kind === 'NamedType' || type.kind === 'ArrayType' ? type : withEnd(p, type);
}

function withEnd(p: Parser, type: Type): Type {
  type.end = p.previous.end;
  return type;
}

export function parseValidators(p: Parser): Validator[] {
  const validators: Validator[] = [];
  while (p.is('@')) {
    const at = p.advance();
    const name = p.expectName().value;
    let args: Validator['args'] = [];
    if (p.is('(')) {
      p.advance();
      if (!p.is(')')) args = p.parseExprList();
      p.expect(')');
    }
    validators.push({ kind: 'Validator', name, args, ...p.span(at) });
  }
  return validators;
}

function parsePrimary(p: Parser): Type {
  let type = parseAtom(p);
  // `T[]` and `T[K]`
  while (p.is('[') && !p.token.newlineBefore) {
    p.advance();
    if (p.accept(']')) {
      type = {
        kind: 'ArrayType',
        element: type,
        readonly: false,
        validators: [],
        ...p.spanFrom(type),
      };
    } else {
      const index = parseType(p);
      p.expect(']');
      type = { kind: 'IndexedType', object: type, index, ...p.spanFrom(type) };
    }
  }
  return type;
}

function parseAtom(p: Parser): Type {
  const t = p.token;
  if (t.kind === 'string') {
    p.advance();
    return { kind: 'LiteralType', value: t.value, ...p.span(t) };
  }
  if (t.kind === 'number') {
    p.advance();
    const integer = !/[.eEpP]/.test(t.value) || /^0[xX][0-9a-fA-F]+$/.test(t.value);
    return { kind: 'LiteralType', value: Number(t.value), integer, ...p.span(t) };
  }
  if (t.kind === 'name') return parseNamed(p);
  if (t.kind === 'keyword') {
    switch (t.value) {
      case 'nil':
        p.advance();
        return { kind: 'NamedType', name: 'nil', validators: [], ...p.span(t) };
      case 'true':
      case 'false':
        p.advance();
        return { kind: 'LiteralType', value: t.value === 'true', ...p.span(t) };
      case 'fun':
        return parseFunType(p);
      case 'interface': {
        p.advance();
        const record = parseBraced(p, t, false);
        if (record.kind === 'RecordType') record.isInterface = true;
        return record;
      }
      case 'readonly':
        p.advance();
        return parseBraced(p, t, true);
      case 'asserts': {
        p.advance();
        const param = p.expectName().value;
        const narrowsTo = p.accept('is') ? parseType(p) : undefined;
        return { kind: 'AssertsType', param, narrowsTo, ...p.span(t) };
      }
      case 'typeof': {
        p.advance();
        p.expect('(');
        const expr = p.parseExpr();
        p.expect(')');
        return { kind: 'TypeofType', expr, ...p.span(t) };
      }
      case 'keyof': {
        p.advance();
        p.expect('(');
        const inner = parseType(p);
        p.expect(')');
        return { kind: 'KeyofType', type: inner, ...p.span(t) };
      }
    }
  }
  if (p.is('{')) return parseBraced(p, t, false);
  if (p.is('(')) {
    const group = parseParenthesized(p);
    if (group.type) return group.type;
    return p.fail("'->' expected");
  }
  return p.fail('type expected');
}

function parseNamed(p: Parser): Type {
  const first = p.advance();
  if (p.is('.') && p.peek().kind === 'name') {
    p.advance();
    const member = p.advance();
    return {
      kind: 'NamedType',
      name: member.value,
      module: first.value,
      validators: [],
      ...p.span(first),
    };
  }
  if (p.is('<')) {
    p.advance();
    const args = [parseType(p)];
    while (p.accept(',')) args.push(parseType(p));
    p.splitShiftRight();
    p.expect('>');
    return { kind: 'NamedType', name: first.value, args, validators: [], ...p.span(first) };
  }
  return { kind: 'NamedType', name: first.value, validators: [], ...p.span(first) };
}

/** After `{` (or `readonly`/`interface` before it): array, map or record. */
function parseBraced(p: Parser, from: Token, readonly: boolean): Type {
  const open = p.expect('{');
  if (p.accept('}')) {
    return { kind: 'RecordType', fields: [], readonly, isInterface: false, ...p.span(from) };
  }
  if (p.is('[')) {
    p.advance();
    const key = parseType(p);
    p.expect(']');
    p.expect(':');
    const value = parseType(p);
    p.expectClosing('}', '{', open.line);
    return { kind: 'MapType', key, value, readonly, ...p.span(from) };
  }
  if (startsField(p)) return parseRecord(p, from, open, readonly);
  const element = parseType(p);
  p.expectClosing('}', '{', open.line);
  return { kind: 'ArrayType', element, readonly, validators: [], ...p.span(from) };
}

function startsField(p: Parser): boolean {
  const t = p.token;
  const nameLike = t.kind === 'name' || (t.kind === 'keyword' && KEYWORD_FIELD_NAMES.has(t.value));
  return nameLike && (p.isAt(1, ':') || p.isAt(1, '?:'));
}

function parseRecord(p: Parser, from: Token, open: Token, readonly: boolean): RecordType {
  const fields: RecordField[] = [];
  for (;;) {
    if (!startsField(p)) p.fail('<name> expected');
    const name = p.advance();
    const optional = p.advance().value === '?:';
    const type = parseType(p);
    const validators = p.is('@') ? parseValidators(p) : [];
    fields.push({
      kind: 'RecordField',
      name: name.value,
      optional,
      type,
      validators,
      ...p.span(name),
    });
    if (!p.accept(',')) break;
    if (p.is('}')) break;
  }
  p.expectClosing('}', '{', open.line);
  return { kind: 'RecordType', fields, readonly, isInterface: false, ...p.span(from) };
}

/**
 * At `(`: a function type `(a: T, U) -> R`, a parenthesised type `((T) -> R)`, or (where a
 * return list may stand) a tuple `(T, U)` / `()`.
 */
export function parseParenthesized(p: Parser): { type?: Type; tuple?: Type[] } {
  const { open, params } = parseFunctionParams(p);
  if (p.is('->')) {
    p.advance();
    const returns = parseArrowReturns(p);
    const fn: FunctionType = {
      kind: 'FunctionType',
      params,
      returns,
      style: 'arrow',
      ...p.span(open),
    };
    return { type: fn };
  }
  const unnamed = params.every((param) => param.name === undefined);
  if (params.length === 1 && unnamed) {
    return { type: { kind: 'ParenType', type: params[0].type, ...p.span(open) } };
  }
  if (unnamed) return { tuple: params.map((param) => param.type) };
  return p.fail("'->' expected");
}

function parseFunctionParam(p: Parser): FunctionTypeParam {
  const t = p.token;
  if (p.is('...')) {
    p.advance();
    const type = parseType(p);
    return { kind: 'FunctionTypeParam', name: '...', type, ...p.span(t) };
  }
  if (t.kind === 'name' && p.isAt(1, ':')) {
    p.advance();
    p.advance();
    const type = parseType(p);
    return { kind: 'FunctionTypeParam', name: t.value, type, ...p.span(t) };
  }
  const type = parseType(p);
  return { kind: 'FunctionTypeParam', type, ...p.span(t) };
}

/** After `->`: one type, or a parenthesised list (`()` or `(T, U)`). */
function parseArrowReturns(p: Parser): Type[] {
  if (p.is('(')) {
    const group = parseParenthesized(p);
    if (group.tuple) return group.tuple;
    return [continueType(p, group.type!)];
  }
  return [parseType(p)];
}

/** Continues a type whose first primary was already parsed (after a parenthesised group). */
function continueType(p: Parser, primary: Type): Type {
  let type = primary;
  while (p.is('?')) {
    p.advance();
    type = { kind: 'OptionalType', inner: type, ...p.spanFrom(type) };
  }
  return continueUnion(p, type);
}

/** `(a: T, U, ...: V)`: the parameter list of a function type, brackets included. */
function parseFunctionParams(p: Parser): { open: Token; params: FunctionTypeParam[] } {
  const open = p.expect('(');
  const params: FunctionTypeParam[] = [];
  if (!p.is(')')) {
    for (;;) {
      params.push(parseFunctionParam(p));
      if (!p.accept(',')) break;
    }
  }
  p.expectClosing(')', '(', open.line);
  return { open, params };
}

function parseFunType(p: Parser): FunctionType {
  const fun = p.expect('fun');
  const { params } = parseFunctionParams(p);
  let returns: Type[] | undefined;
  if (p.accept(':')) returns = parseArrowReturns(p);
  return { kind: 'FunctionType', params, returns, style: 'fun', ...p.span(fun) };
}

/** `: T, U` / `: (T, U)` / `: ()` after a parameter list (the colon is the current token). */
export function parseReturnAnnotation(p: Parser): ReturnAnnotation {
  const colon = p.expect(':');
  const types: Type[] = [];
  if (p.is('(')) {
    const group = parseParenthesized(p);
    if (group.tuple) {
      return { kind: 'ReturnAnnotation', types: group.tuple, ...p.span(colon) };
    }
    types.push(continueType(p, group.type!));
  } else {
    types.push(parseType(p));
  }
  while (p.accept(',')) types.push(parseType(p));
  return { kind: 'ReturnAnnotation', types, ...p.span(colon) };
}

/** `<T, U: Constraint>` (the `<` is the current token). */
export function parseTypeParams(p: Parser): TypeParams {
  const open = p.expect('<');
  const params: TypeParams['params'] = [];
  for (;;) {
    const name = p.expectName();
    const constraint = p.accept(':') ? parseType(p) : undefined;
    params.push({ kind: 'TypeParam', name: name.value, constraint, ...p.span(name) });
    if (!p.accept(',')) break;
  }
  p.splitShiftRight();
  p.expect('>');
  return { kind: 'TypeParams', params, ...p.span(open) };
}
