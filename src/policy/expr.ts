/**
 * The part of expr-lang (github.com/expr-lang/expr v1.17, the language of
 * `security.policy.expr` entries, compiled with `expr.AsBool()` and
 * `expr.AllowUndefinedVariables()` in `service/security/policy/expr_evaluator.go`) that
 * policies use, parsed with expr-lang's precedences (`parser/operator/operator.go`):
 *
 *   or ||  (10)   and &&  (15)
 *   == != < > <= >= in, not in, matches contains startsWith endsWith (and their `not` forms) (20)
 *   unary: not ! (50), - + (90)
 *
 * Operands: the variables `actor` (`actor.id`, `actor.meta`), `action`, `resource`, `meta`
 * (any other name is nil, as undefined variables are allowed), member access `a.b`, `a?.b`,
 * `a["b"]`, `a[0]`, string literals ('...', "...", `...`), numbers, true, false, nil, arrays
 * `[...]`, parentheses, and `//` and `/* *\/` comments.
 *
 * Everything else expr-lang has (function calls such as `all(...)` or `len(...)`, closures,
 * arithmetic, `??`, `?:`, ranges, pipes, maps, `let`) is refused with a `ExprError` naming the
 * construct and its column, never guessed at. Type errors expr-lang's checker finds at compile
 * time between known types (`"a" && true`, `1 < "b"`, a result that is not a boolean) are
 * refused at load too.
 */
import { compileGoRegexp } from './re2.ts';
import { ExprError, tokenize, WORD_OPS } from './expr-lex.ts';
import type { Token } from './expr-lex.ts';

export { ExprError };

export type ExprNode =
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'array'; items: ExprNode[] }
  | { type: 'ident'; name: string }
  | { type: 'member'; object: ExprNode; property: ExprNode; optional: boolean }
  | { type: 'unary'; op: '!' | '-' | '+'; operand: ExprNode }
  | { type: 'binary'; op: BinaryOp; left: ExprNode; right: ExprNode; negate: boolean };

export type BinaryOp =
  | '||'
  | '&&'
  | '=='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | 'in'
  | 'matches'
  | 'contains'
  | 'startsWith'
  | 'endsWith';

const BINARY: Record<string, { op: BinaryOp; prec: number }> = {
  or: { op: '||', prec: 10 },
  '||': { op: '||', prec: 10 },
  and: { op: '&&', prec: 15 },
  '&&': { op: '&&', prec: 15 },
  '==': { op: '==', prec: 20 },
  '!=': { op: '!=', prec: 20 },
  '<': { op: '<', prec: 20 },
  '>': { op: '>', prec: 20 },
  '<=': { op: '<=', prec: 20 },
  '>=': { op: '>=', prec: 20 },
  in: { op: 'in', prec: 20 },
  matches: { op: 'matches', prec: 20 },
  contains: { op: 'contains', prec: 20 },
  startsWith: { op: 'startsWith', prec: 20 },
  endsWith: { op: 'endsWith', prec: 20 },
};
const NEGATABLE = new Set(['in', 'matches', 'contains', 'startsWith', 'endsWith']);

/** Operators of expr-lang outside the subset, with what they are, for the error. */
const UNSUPPORTED_OPS: Record<string, string> = {
  '+': 'arithmetic',
  '-': 'arithmetic',
  '*': 'arithmetic',
  '/': 'arithmetic',
  '%': 'arithmetic',
  '**': 'arithmetic',
  '^': 'arithmetic',
  '?': 'the conditional ?:',
  ':': 'the conditional ?:',
  '??': 'nil coalescing ??',
  '..': 'ranges ..',
  '|': 'pipes |',
  '#': 'closures (#)',
  '{': 'map literals and closures {...}',
  '}': 'map literals and closures {...}',
  ';': 'sequences ;',
  '=': 'assignment =',
};
const UNSUPPORTED_WORDS = new Set(['let', 'if', 'else']);
const MAX_LENGTH = 4096;
const MAX_DEPTH = 64;

export function parseExpr(source: string): ExprNode {
  if (source.trim() === '') throw new ExprError('expression cannot be empty');
  if (source.length > MAX_LENGTH)
    throw new ExprError(`expression longer than ${MAX_LENGTH} characters`);
  const parser = new Parser(tokenize(source));
  const node = parser.expression(0);
  parser.expectEnd();
  const type = staticType(node);
  if (type !== 'bool' && type !== 'unknown') throw new ExprError(`expected bool, but got ${type}`);
  return node;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private get current(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  expectEnd(): void {
    const t = this.current;
    if (t.kind !== 'end') throw this.unexpected(t);
  }

  expression(precedence: number): ExprNode {
    if (++this.depth > MAX_DEPTH) throw new ExprError('expression nested too deeply');
    let left = this.unary();
    for (;;) {
      let t = this.current;
      let negate = false;
      if (t.kind === 'op' && t.value === 'not' && NEGATABLE.has(this.tokens[this.pos + 1]!.value)) {
        negate = true;
        t = this.tokens[this.pos + 1]!;
      }
      if (t.kind !== 'op') break;
      const binary = BINARY[t.value];
      if (!binary) {
        if (t.value in UNSUPPORTED_OPS) throw unsupported(UNSUPPORTED_OPS[t.value]!, t);
        break;
      }
      if (binary.prec < precedence) break;
      this.pos += negate ? 2 : 1;
      const right = this.expression(binary.prec + 1);
      left = { type: 'binary', op: binary.op, left, right, negate };
    }
    this.depth--;
    return left;
  }

  private unary(): ExprNode {
    const t = this.current;
    if (t.kind === 'op' && (t.value === '!' || t.value === 'not')) {
      this.next();
      return this.postfix({ type: 'unary', op: '!', operand: this.expression(50) });
    }
    if (t.kind === 'op' && (t.value === '-' || t.value === '+')) {
      this.next();
      return this.postfix({ type: 'unary', op: t.value, operand: this.expression(90) });
    }
    return this.postfix(this.primary());
  }

  private primary(): ExprNode {
    const t = this.next();
    if (t.kind === 'number' || t.kind === 'string') return { type: 'literal', value: t.literal! };
    if (t.kind === 'ident') {
      if (t.value === 'true' || t.value === 'false')
        return { type: 'literal', value: t.value === 'true' };
      if (t.value === 'nil') return { type: 'literal', value: null };
      if (UNSUPPORTED_WORDS.has(t.value)) throw unsupported(`"${t.value}"`, t);
      if (this.current.value === '(') throw unsupported(`function calls (${t.value}(...))`, t);
      return { type: 'ident', name: t.value };
    }
    if (t.value === '(') {
      const inner = this.expression(0);
      this.expect(')');
      return inner;
    }
    if (t.value === '[') {
      const items: ExprNode[] = [];
      while (this.current.value !== ']') {
        items.push(this.expression(0));
        if (this.current.value !== ',') break;
        this.next();
      }
      this.expect(']');
      return { type: 'array', items };
    }
    if (t.value in UNSUPPORTED_OPS) throw unsupported(UNSUPPORTED_OPS[t.value]!, t);
    throw this.unexpected(t);
  }

  private postfix(node: ExprNode): ExprNode {
    for (;;) {
      const t = this.current;
      if (t.value === '.' || t.value === '?.') {
        this.next();
        const optional = t.value === '?.';
        if (optional && this.current.value === '[') continue;
        const name = this.next();
        if (name.kind !== 'ident' && !(name.kind === 'op' && WORD_OPS.has(name.value)))
          throw this.unexpected(name);
        if (this.current.value === '(')
          throw unsupported(`method calls (.${name.value}(...))`, name);
        node = {
          type: 'member',
          object: node,
          property: { type: 'literal', value: name.value },
          optional,
        };
      } else if (t.value === '[') {
        this.next();
        const optional = this.tokens[this.pos - 2]?.value === '?.';
        if (this.current.value === ':') throw unsupported('slices [a:b]', this.current);
        const property = this.expression(0);
        if (this.current.value === ':') throw unsupported('slices [a:b]', this.current);
        this.expect(']');
        node = { type: 'member', object: node, property, optional };
      } else if (t.value === '(') {
        throw unsupported('calls', t);
      } else {
        return node;
      }
    }
  }

  private expect(value: string): void {
    const t = this.next();
    if (t.value !== value || t.kind === 'string') throw this.unexpected(t, value);
  }

  private unexpected(t: Token, wanted?: string): ExprError {
    const got = t.kind === 'end' ? 'the end' : `"${t.value}"`;
    return new ExprError(
      `unexpected ${got} at column ${t.col}${wanted ? ` (expected "${wanted}")` : ''}`,
    );
  }
}

function unsupported(what: string, t: Token): ExprError {
  return new ExprError(
    `${what} at column ${t.col}: not in the playground's subset of expr-lang (comparisons, and/or/not, in, matches, contains, startsWith, endsWith, member access, literals, arrays)`,
  );
}

type StaticType = 'bool' | 'string' | 'number' | 'nil' | 'array' | 'unknown';

/** The type expr-lang's checker knows for a node; errors where it would refuse to compile. */
function staticType(node: ExprNode): StaticType {
  switch (node.type) {
    case 'literal':
      return node.value === null
        ? 'nil'
        : typeof node.value === 'boolean'
          ? 'bool'
          : (typeof node.value as 'string' | 'number');
    case 'array':
      node.items.forEach(staticType);
      return 'array';
    case 'ident':
    case 'member':
      if (node.type === 'member') {
        staticType(node.object);
        staticType(node.property);
      }
      return 'unknown';
    case 'unary': {
      const t = staticType(node.operand);
      const want = node.op === '!' ? 'bool' : 'number';
      if (t !== want && t !== 'unknown')
        throw new ExprError(`invalid operation: ${node.op} (mismatched type ${t})`);
      return want;
    }
    case 'binary':
      return binaryType(node);
  }
}

function binaryType(node: Extract<ExprNode, { type: 'binary' }>): StaticType {
  const l = staticType(node.left);
  const r = staticType(node.right);
  const known = (t: StaticType) => t !== 'unknown';
  const mismatch = () =>
    new ExprError(`invalid operation: ${node.op} (mismatched types ${l} and ${r})`);
  switch (node.op) {
    case '&&':
    case '||':
      if ((known(l) && l !== 'bool') || (known(r) && r !== 'bool')) throw mismatch();
      return 'bool';
    case '==':
    case '!=':
      if (known(l) && known(r) && l !== 'nil' && r !== 'nil' && l !== r) throw mismatch();
      return 'bool';
    case '<':
    case '>':
    case '<=':
    case '>=':
      if (
        (known(l) && l !== 'number' && l !== 'string') ||
        (known(r) && r !== 'number' && r !== 'string') ||
        (known(l) && known(r) && l !== r)
      )
        throw mismatch();
      return 'bool';
    case 'in':
      if (known(r) && r !== 'array') throw mismatch();
      return 'bool';
    default:
      if ((known(l) && l !== 'string') || (known(r) && r !== 'string')) throw mismatch();
      if (
        node.op === 'matches' &&
        node.right.type === 'literal' &&
        typeof node.right.value === 'string'
      ) {
        const re = compileGoRegexp(node.right.value);
        if (!re.ok) throw new ExprError(re.error);
      }
      return 'bool';
  }
}
