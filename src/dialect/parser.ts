/**
 * The platform's Lua parser: all of Lua 5.3 plus go-lua's typed grammar (see parse-types.ts for
 * the types). `parse` never throws: it returns the tree and the syntax errors, each worded as
 * Lua words it ("'end' expected (to close 'function' at line 3) near <eof>"). After an error the
 * parser skips to the next statement, so the editor sees the rest of the file too; a run reports
 * the first error.
 *
 * Precedence is go-lua's: Lua 5.3's operators, then the postfix `e :: T`, `e as T` and `e!`
 * bind tighter than any of them (`-x as T` is `-(x as T)`). `e!` is not a prefix expression:
 * `(x!).field`, never `x!.field`.
 */
import type {
  Block,
  BinaryOp,
  Chunk,
  Expr,
  FunctionExpr,
  Name,
  NodeBase,
  ParseResult,
  Stat,
  TableField,
  TypedName,
  UnaryOp,
} from './ast.ts';
import type { Token } from './lexer.ts';
import { parseReturnAnnotation, parseType, parseTypeParams } from './parse-types.ts';
import { ParseAbort, TokenCursor } from './parser-base.ts';

export function parse(source: string): ParseResult {
  const parser = new Parser(source);
  const chunk = parser.parseChunk();
  return { chunk, errors: parser.errors };
}

/** [left, right] priorities of Lua 5.3 (lparser.c `priority`). */
const BINARY_PRIORITY: Record<string, [number, number]> = {
  or: [1, 1], and: [2, 2],
  '<': [3, 3], '>': [3, 3], '<=': [3, 3], '>=': [3, 3], '~=': [3, 3], '==': [3, 3],
  '|': [4, 4], '~': [5, 5], '&': [6, 6], '<<': [7, 7], '>>': [7, 7],
  '..': [9, 8], '+': [10, 10], '-': [10, 10],
  '*': [11, 11], '/': [11, 11], '//': [11, 11], '%': [11, 11],
  '^': [14, 13],
}; // prettier-ignore
const UNARY_PRIORITY = 12;

const BLOCK_END = new Set(['end', 'else', 'elseif', 'until']);

/** Reserved words go-lua accepts after `.` and `:` and as table keys (`t.is`, `T:is(v)`). */
const KEYWORD_MEMBERS = new Set(['interface', 'readonly', 'as', 'asserts', 'is']);
const KEYWORD_FIELD_KEYS = new Set([...KEYWORD_MEMBERS, 'keyof', 'extends']);

export class Parser extends TokenCursor {
  parseChunk(): Chunk {
    const body = this.parseBlock();
    // Whatever follows a stray `end` or `until` is parsed too (for the editor).
    while (!this.atEof()) {
      this.recordAndSkip(() => this.fail(`'<eof>' expected`), body.body);
      body.body.push(...this.parseBlock().body);
    }
    const end = this.source.length;
    body.start = 0;
    body.end = end;
    body.line = 1;
    body.col = 1;
    return { kind: 'Chunk', body, start: 0, end, line: 1, col: 1 };
  }

  private atEof(): boolean {
    return this.token.kind === 'eof';
  }

  parseBlock(): Block {
    const from = this.token;
    const body: Stat[] = [];
    for (;;) {
      const t = this.token;
      if (t.kind === 'eof' || (t.kind === 'keyword' && BLOCK_END.has(t.value))) break;
      if (this.is('return')) {
        this.recordAndSkip(() => body.push(this.parseReturn()), body);
        break;
      }
      this.recordAndSkip(() => {
        const stat = this.parseStatement();
        if (stat) body.push(stat);
      }, body);
    }
    return {
      kind: 'Block',
      body,
      start: from.start,
      end: this.previous.end,
      line: from.line,
      col: from.col,
    };
  }

  /** Runs one statement's parse; on a syntax error, leaves an ErrorStat and skips ahead. */
  private recordAndSkip(run: () => void, body: Stat[]): void {
    const at = this.index;
    try {
      run();
    } catch (error) {
      if (!(error instanceof ParseAbort)) throw error;
      const failed = this.tokens[at];
      if (this.index === at) this.advance();
      this.skipToStatement();
      body.push({ kind: 'ErrorStat', message: error.message, ...this.span(failed) });
    }
  }

  /** Skips to a token that can begin a statement on a new line (or a block's end). */
  private skipToStatement(): void {
    const starters = new Set(['local', 'function', 'if', 'while', 'for', 'repeat', 'return', 'do']);
    while (this.token.kind !== 'eof') {
      const t = this.token;
      if (
        t.kind === 'keyword' &&
        (BLOCK_END.has(t.value) || (t.newlineBefore && starters.has(t.value)))
      ) {
        return;
      }
      if (t.newlineBefore && t.kind === 'name') return;
      this.advance();
    }
  }

  private parseStatement(): Stat | null {
    const t = this.token;
    if (t.kind === 'symbol') {
      if (t.value === ';') {
        this.advance();
        return null;
      }
      if (t.value === '::' && this.peek().kind === 'name' && this.isAt(2, '::')) {
        this.advance();
        const label = this.nameNode(this.advance());
        this.advance();
        return { kind: 'Label', label, ...this.span(t) };
      }
    }
    if (t.kind === 'keyword') {
      switch (t.value) {
        case 'if':
          return this.parseIf();
        case 'while': {
          this.advance();
          const condition = this.parseExpr();
          this.expect('do');
          const body = this.parseBlock();
          this.expectClosing('end', 'while', t.line);
          return { kind: 'While', condition, body, ...this.span(t) };
        }
        case 'do': {
          this.advance();
          const body = this.parseBlock();
          this.expectClosing('end', 'do', t.line);
          return { kind: 'Do', body, ...this.span(t) };
        }
        case 'for':
          return this.parseFor();
        case 'repeat': {
          this.advance();
          const body = this.parseBlock();
          this.expectClosing('until', 'repeat', t.line);
          const condition = this.parseExpr();
          return { kind: 'Repeat', body, condition, ...this.span(t) };
        }
        case 'function':
          return this.parseFunctionStat();
        case 'local':
          return this.parseLocal();
        case 'break':
          this.advance();
          return { kind: 'Break', ...this.span(t) };
        case 'goto': {
          this.advance();
          const label = this.nameNode(this.expectName());
          return { kind: 'Goto', label, ...this.span(t) };
        }
        case 'interface':
          return this.parseInterface();
      }
    }
    if (t.kind === 'name' && t.value === 'type' && this.peek().kind === 'name') {
      return this.parseTypeAlias();
    }
    return this.parseExprStat();
  }

  private parseIf(): Stat {
    const t = this.advance();
    const clauses = [];
    let clauseStart = t;
    let condition = this.parseExpr();
    this.expect('then');
    let body = this.parseBlock();
    clauses.push({ kind: 'IfClause' as const, condition, body, ...this.span(clauseStart) });
    let orElse: Block | undefined;
    while (this.is('elseif')) {
      clauseStart = this.advance();
      condition = this.parseExpr();
      this.expect('then');
      body = this.parseBlock();
      clauses.push({ kind: 'IfClause' as const, condition, body, ...this.span(clauseStart) });
    }
    if (this.accept('else')) orElse = this.parseBlock();
    this.expectClosing('end', 'if', t.line);
    return { kind: 'If', clauses, orElse, ...this.span(t) };
  }

  private parseFor(): Stat {
    const t = this.advance();
    const first = this.nameNode(this.expectName());
    if (this.accept('=')) {
      const from = this.parseExpr();
      this.expect(',');
      const to = this.parseExpr();
      const step = this.accept(',') ? this.parseExpr() : undefined;
      this.expect('do');
      const body = this.parseBlock();
      this.expectClosing('end', 'for', t.line);
      return { kind: 'NumericFor', variable: first, from, to, step, body, ...this.span(t) };
    }
    const names = [first];
    while (this.accept(',')) names.push(this.nameNode(this.expectName()));
    if (!this.is('in')) this.fail("'=' or 'in' expected");
    this.advance();
    const exprs = this.parseExprList();
    this.expect('do');
    const body = this.parseBlock();
    this.expectClosing('end', 'for', t.line);
    return { kind: 'GenericFor', names, exprs, body, ...this.span(t) };
  }

  private parseFunctionStat(): Stat {
    const t = this.advance();
    const base = this.nameNode(this.expectName());
    const path: Name[] = [];
    let method: Name | undefined;
    while (this.accept('.')) path.push(this.nameNode(this.expectMember()));
    if (this.accept(':')) method = this.nameNode(this.expectMember());
    const func = this.parseFuncBody(t, method !== undefined);
    return { kind: 'Function', base, path, method, func, ...this.span(t) };
  }

  private parseLocal(): Stat {
    const t = this.advance();
    if (this.is('function')) {
      const fn = this.advance();
      const name = this.nameNode(this.expectName());
      const func = this.parseFuncBody(fn, false);
      return { kind: 'LocalFunction', name, func, ...this.span(t) };
    }
    const names = [this.parseTypedName()];
    while (this.accept(',')) names.push(this.parseTypedName());
    const values = this.accept('=') ? this.parseExprList() : [];
    return { kind: 'Local', names, values, ...this.span(t) };
  }

  private parseTypedName(): TypedName {
    const name = this.expectName();
    if (!this.is(':')) return { kind: 'TypedName', name: name.value, ...this.span(name) };
    const colon = this.advance();
    const type = parseType(this);
    const annotation = { kind: 'TypeAnnotation' as const, type, ...this.span(colon) };
    return { kind: 'TypedName', name: name.value, annotation, ...this.span(name) };
  }

  private parseTypeAlias(): Stat {
    const t = this.advance();
    const name = this.nameNode(this.advance());
    const typeParams = this.is('<') ? parseTypeParams(this) : undefined;
    this.expect('=');
    const type = parseType(this);
    return { kind: 'TypeAlias', name, typeParams, type, ...this.span(t) };
  }

  private parseInterface(): Stat {
    const t = this.advance();
    const name = this.nameNode(this.expectName());
    const bases: Name[] = [];
    if (this.accept(':')) {
      bases.push(this.nameNode(this.expectName()));
      while (this.accept(',')) bases.push(this.nameNode(this.expectName()));
    }
    const methods = [];
    while (this.is('function')) {
      const fn = this.advance();
      const methodName = this.expectName().value;
      const open = this.expect('(');
      const params: TypedName[] = [];
      if (!this.is(')')) {
        params.push(this.parseTypedName());
        while (this.accept(',')) params.push(this.parseTypedName());
      }
      this.expectClosing(')', '(', open.line);
      const returns = this.is(':') ? parseReturnAnnotation(this).types : [];
      methods.push({
        kind: 'InterfaceMethod' as const,
        name: methodName,
        params,
        returns,
        ...this.span(fn),
      });
    }
    this.expectClosing('end', 'interface', t.line);
    return { kind: 'Interface', name, extends: bases, methods, ...this.span(t) };
  }

  private parseReturn(): Stat {
    const t = this.advance();
    let values: Expr[] = [];
    const next = this.token;
    const ends = next.kind === 'eof' || (next.kind === 'keyword' && BLOCK_END.has(next.value));
    if (!ends && !this.is(';')) values = this.parseExprList();
    this.accept(';');
    return { kind: 'Return', values, ...this.span(t) };
  }

  private parseExprStat(): Stat {
    const from = this.token;
    const first = this.parseSuffixedExpr();
    if (this.is('=') || this.is(',')) {
      const targets = [first];
      while (this.accept(',')) targets.push(this.parseSuffixedExpr());
      for (const target of targets) {
        if (target.kind !== 'Name' && target.kind !== 'Index' && target.kind !== 'Member') {
          this.fail('syntax error');
        }
      }
      this.expect('=');
      const values = this.parseExprList();
      return { kind: 'Assign', targets, values, ...this.span(from) };
    }
    if (first.kind !== 'Call' && first.kind !== 'MethodCall') this.fail('syntax error');
    return { kind: 'CallStat', call: first, ...this.span(from) };
  }

  // -------------------------------------------------------------------------------------------
  // Functions

  /** `[<T>] ( params ) [: returns] block end`; `from` is the `function` keyword. */
  parseFuncBody(from: Token, isMethod: boolean): FunctionExpr {
    const typeParams = this.is('<') ? parseTypeParams(this) : undefined;
    const open = this.expect('(');
    const params: TypedName[] = [];
    let vararg: FunctionExpr['vararg'];
    if (!this.is(')')) {
      for (;;) {
        if (this.is('...')) {
          const dots = this.advance();
          let annotation;
          if (this.is(':')) {
            const colon = this.advance();
            const type = parseType(this);
            annotation = { kind: 'TypeAnnotation' as const, type, ...this.span(colon) };
          }
          vararg = { kind: 'VarargParam', annotation, ...this.span(dots) };
          break;
        }
        if (this.token.kind !== 'name') this.fail('<name> expected');
        params.push(this.parseTypedName());
        if (!this.accept(',')) break;
      }
    }
    this.expectClosing(')', '(', open.line);
    const returns = this.is(':') ? parseReturnAnnotation(this) : undefined;
    const body = this.parseBlock();
    this.expectClosing('end', 'function', from.line);
    return {
      kind: 'FunctionExpr',
      typeParams,
      params,
      vararg,
      returns,
      body,
      isMethod,
      ...this.span(from),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  parseExprList(): Expr[] {
    const list = [this.parseExpr()];
    while (this.accept(',')) list.push(this.parseExpr());
    return list;
  }

  parseExpr(limit = 0): Expr {
    const t = this.token;
    let left: Expr;
    const unary = this.unaryOp();
    if (unary) {
      this.advance();
      const operand = this.parseExpr(UNARY_PRIORITY);
      left = { kind: 'Unary', op: unary, operand, ...this.span(t) };
    } else {
      left = this.parseSimpleExpr();
    }
    for (;;) {
      const op = this.binaryOp();
      if (!op) break;
      const [leftPriority, rightPriority] = BINARY_PRIORITY[op];
      if (leftPriority <= limit) break;
      this.advance();
      const right = this.parseExpr(rightPriority);
      left = { kind: 'Binary', op, left, right, ...this.spanFrom(left) };
    }
    return left;
  }

  private unaryOp(): UnaryOp | null {
    const t = this.token;
    if (t.kind === 'keyword' && t.value === 'not') return 'not';
    if (t.kind === 'symbol' && (t.value === '-' || t.value === '#' || t.value === '~'))
      return t.value;
    return null;
  }

  private binaryOp(): BinaryOp | null {
    const t = this.token;
    if ((t.kind === 'symbol' || t.kind === 'keyword') && t.value in BINARY_PRIORITY) {
      return t.value as BinaryOp;
    }
    return null;
  }

  /** A simple expression with its postfix casts and assertions (`e :: T`, `e as T`, `e!`). */
  private parseSimpleExpr(): Expr {
    let expr = this.parseSimpleBase();
    for (;;) {
      if (this.is('!')) {
        const bang = this.advance();
        expr = { kind: 'NonNil', bangStart: bang.start, expr, ...this.spanFrom(expr) };
      } else if (this.is('as') || (this.is('::') && !this.startsLabel())) {
        const op = this.advance();
        const type = parseType(this);
        const cast = op.value === 'as' ? 'as' : '::';
        expr = { kind: 'Cast', op: cast, opStart: op.start, expr, type, ...this.spanFrom(expr) };
      } else {
        return expr;
      }
    }
  }

  /** `::name::` is a label (go-lua's lexer reads it as one token), never a cast. */
  private startsLabel(): boolean {
    return (
      this.peek().kind === 'name' && this.isAt(2, '::') && this.peek(2).line === this.token.line
    );
  }

  private parseSimpleBase(): Expr {
    const t = this.token;
    switch (t.kind) {
      case 'number':
        this.advance();
        return { kind: 'Number', raw: t.value, ...this.span(t) };
      case 'string':
        this.advance();
        return { kind: 'String', value: t.value, ...this.span(t) };
      case 'keyword':
        switch (t.value) {
          case 'nil':
            this.advance();
            return { kind: 'Nil', ...this.span(t) };
          case 'true':
            this.advance();
            return { kind: 'True', ...this.span(t) };
          case 'false':
            this.advance();
            return { kind: 'False', ...this.span(t) };
          case 'function':
            this.advance();
            return this.parseFuncBody(t, false);
        }
        break;
      case 'symbol':
        if (t.value === '...') {
          this.advance();
          return { kind: 'Vararg', ...this.span(t) };
        }
        if (t.value === '{') return this.parseTable();
        break;
    }
    return this.parseSuffixedExpr();
  }

  private parsePrimaryExpr(): Expr {
    const t = this.token;
    if (t.kind === 'name') return this.nameNode(this.advance());
    if (this.is('typeof')) {
      // A prefix expression, so that `typeof(arr):elem()` reads as the docs write it.
      this.advance();
      const open = this.expect('(');
      const expr = this.parseExpr();
      this.expectClosing(')', '(', open.line);
      return { kind: 'TypeofExpr', expr, ...this.span(t) };
    }
    if (this.is('(')) {
      this.advance();
      const expr = this.parseExpr();
      this.expectClosing(')', '(', t.line);
      return { kind: 'Paren', expr, ...this.span(t) };
    }
    return this.fail('unexpected symbol');
  }

  parseSuffixedExpr(): Expr {
    let expr = this.parsePrimaryExpr();
    for (;;) {
      const t = this.token;
      if (this.is('.')) {
        this.advance();
        const member = this.nameNode(this.expectMember());
        expr = { kind: 'Member', object: expr, member, ...this.spanFrom(expr) };
      } else if (this.is('[')) {
        this.advance();
        const index = this.parseExpr();
        this.expect(']');
        expr = { kind: 'Index', object: expr, index, ...this.spanFrom(expr) };
      } else if (this.is(':') && !this.isAt(1, ':')) {
        this.advance();
        const method = this.nameNode(this.expectMember());
        const args = this.parseArgs();
        expr = { kind: 'MethodCall', object: expr, method, args, ...this.spanFrom(expr) };
      } else if (this.is('(') || this.is('{') || t.kind === 'string') {
        const args = this.parseArgs();
        expr = { kind: 'Call', callee: expr, args, ...this.spanFrom(expr) };
      } else {
        return expr;
      }
    }
  }

  private parseArgs(): Expr[] {
    const t = this.token;
    if (t.kind === 'string') {
      this.advance();
      return [{ kind: 'String', value: t.value, ...this.span(t) }];
    }
    if (this.is('{')) return [this.parseTable()];
    if (!this.is('(')) return this.fail('function arguments expected');
    // go-lua (as Lua 5.1) refuses `f()\n(g)()`: a call on a new line after `)`.
    if (t.newlineBefore && this.previous.kind === 'symbol' && this.previous.value === ')') {
      this.fail('ambiguous syntax (function call x new statement)');
    }
    this.advance();
    const args = this.is(')') ? [] : this.parseExprList();
    this.expectClosing(')', '(', t.line);
    return args;
  }

  private parseTable(): Expr {
    const open = this.expect('{');
    const fields: TableField[] = [];
    while (!this.is('}')) {
      const t = this.token;
      if (this.is('[')) {
        this.advance();
        const key = this.parseExpr();
        this.expect(']');
        this.expect('=');
        const value = this.parseExpr();
        fields.push({ kind: 'KeyedField', key, value, ...this.span(t) });
      } else if (this.isFieldKey(t) && this.isAt(1, '=')) {
        const name = this.nameNode(this.advance());
        this.advance();
        const value = this.parseExpr();
        fields.push({ kind: 'NamedField', name, value, ...this.span(t) });
      } else {
        const value = this.parseExpr();
        fields.push({ kind: 'ArrayField', value, ...this.span(t) });
      }
      if (!this.accept(',') && !this.accept(';')) break;
    }
    this.expectClosing('}', '{', open.line);
    return { kind: 'Table', fields, ...this.span(open) };
  }

  private isFieldKey(t: Token): boolean {
    return t.kind === 'name' || (t.kind === 'keyword' && KEYWORD_FIELD_KEYS.has(t.value));
  }

  /** A name after `.` or `:`; go-lua also takes a few of its reserved words there. */
  private expectMember(): Token {
    const t = this.token;
    if (t.kind === 'keyword' && KEYWORD_MEMBERS.has(t.value)) return this.advance();
    return this.expectName();
  }

  private nameNode(t: Token): Name {
    const base: NodeBase = { start: t.start, end: t.end, line: t.line, col: t.col };
    return { kind: 'Name', name: t.value, ...base };
  }
}
