/**
 * The token cursor shared by the statement/expression parser and the type parser: look-ahead,
 * expectations with Lua's wording, and the error that unwinds to the nearest statement.
 */
import type { NodeBase, SyntaxError } from './ast.ts';
import { Lexer, type Token } from './lexer.ts';

/** Thrown inside the parser only; caught where a statement (or the chunk) can resume. */
export class ParseAbort extends Error {}

export class TokenCursor {
  readonly tokens: Token[];
  index = 0;
  readonly errors: SyntaxError[] = [];

  constructor(readonly source: string) {
    this.tokens = Lexer.tokenize(source);
  }

  get token(): Token {
    return this.tokens[this.index];
  }

  peek(ahead = 1): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }

  /** The token before the current one (for end offsets). */
  get previous(): Token {
    return this.tokens[Math.max(0, this.index - 1)];
  }

  advance(): Token {
    const token = this.token;
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  is(value: string): boolean {
    const t = this.token;
    return (t.kind === 'symbol' || t.kind === 'keyword') && t.value === value;
  }

  isAt(ahead: number, value: string): boolean {
    const t = this.peek(ahead);
    return (t.kind === 'symbol' || t.kind === 'keyword') && t.value === value;
  }

  accept(value: string): Token | null {
    return this.is(value) ? this.advance() : null;
  }

  expect(value: string): Token {
    if (this.is(value)) return this.advance();
    return this.fail(`'${value}' expected`);
  }

  /** Lua's check_match: names the opening token's line when it is not the current one. */
  expectClosing(value: string, opener: string, openLine: number): Token {
    if (this.is(value)) return this.advance();
    if (openLine === this.token.line) return this.fail(`'${value}' expected`);
    return this.fail(`'${value}' expected (to close '${opener}' at line ${openLine})`);
  }

  expectName(): Token {
    if (this.token.kind === 'name') return this.advance();
    return this.fail('<name> expected');
  }

  /** How Lua quotes the token an error is "near". */
  near(token: Token = this.token): string {
    if (token.kind === 'eof') return '<eof>';
    return `'${this.source.slice(token.start, token.end)}'`;
  }

  /** Records an error at the current token and unwinds to the statement level. */
  fail(message: string, token: Token = this.token): never {
    if (token.kind === 'error') message = token.value;
    else message = `${message} near ${this.near(token)}`;
    this.errors.push({
      message,
      start: token.start,
      end: token.end,
      line: token.line,
      col: token.col,
    });
    throw new ParseAbort(message);
  }

  /** Position fields for a node that starts at `from` and ends at the previous token. */
  span(from: Token): NodeBase {
    return { start: from.start, end: this.previous.end, line: from.line, col: from.col };
  }

  /** Position fields from an existing node's start to the previous token. */
  spanFrom(node: NodeBase): NodeBase {
    return { start: node.start, end: this.previous.end, line: node.line, col: node.col };
  }

  /**
   * Splits a `>>` token into two `>` (the closing of nested generics `Box<Array<T>>`), as
   * go-lua's lexer does with its pending `>`.
   */
  splitShiftRight(): void {
    const t = this.token;
    if (t.kind !== 'symbol' || t.value !== '>>') return;
    const first: Token = { ...t, value: '>', end: t.start + 1 };
    const second: Token = {
      ...t,
      value: '>',
      start: t.start + 1,
      col: t.col + 1,
      newlineBefore: false,
    };
    this.tokens.splice(this.index, 1, first, second);
  }
}
