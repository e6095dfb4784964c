/**
 * The platform's Lua lexer (wippyai/go-lua `compiler/parse/lexer.go`): Lua 5.3's tokens plus the
 * typed dialect's `-> ? ?: ! :: @` and its reserved words. It never throws: a bad character, an
 * unfinished string or a malformed number becomes an `error` token carrying Lua's wording, and
 * the parser reports it at that token's line.
 */

export type TokenKind = 'name' | 'keyword' | 'number' | 'string' | 'symbol' | 'eof' | 'error';

export interface Token {
  kind: TokenKind;
  /** The keyword, the symbol, the name, the number's text, or a string's decoded value. */
  value: string;
  start: number;
  end: number;
  line: number;
  col: number;
  /** True when a newline separates this token from the previous one (Lua's call-vs-statement rule). */
  newlineBefore: boolean;
}

/** Lua 5.3's reserved words. */
const LUA_KEYWORDS = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
]; // prettier-ignore

/** The dialect's reserved words (`type` is NOT one: `type Name = …` is told apart by the parser). */
export const DIALECT_KEYWORDS = [
  'interface', 'as', 'asserts', 'readonly', 'is', 'typeof', 'keyof', 'extends', 'fun',
]; // prettier-ignore

const KEYWORDS = new Set([...LUA_KEYWORDS, ...DIALECT_KEYWORDS]);

export function isKeyword(word: string): boolean {
  return KEYWORDS.has(word);
}

/** Longest first, so that `...` wins over `..` and `.`. */
const SYMBOLS = [
  '...', '..', '::', '//', '<<', '>>', '==', '~=', '<=', '>=', '->', '?:',
  '+', '-', '*', '/', '%', '^', '#', '&', '~', '|', '<', '>', '=', '(', ')', '{', '}', '[', ']',
  ';', ':', ',', '.', '?', '!', '@',
]; // prettier-ignore

const SYMBOLS_BY_FIRST = new Map<string, string[]>();
for (const symbol of SYMBOLS) {
  const list = SYMBOLS_BY_FIRST.get(symbol[0]) ?? [];
  list.push(symbol);
  SYMBOLS_BY_FIRST.set(symbol[0], list);
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isNamePart(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Streams tokens from a source; `next()` after the end keeps returning `eof`. */
export class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private sawNewline = false;

  constructor(readonly source: string) {}

  // Where the token being read starts (fields, not a closure per token: this is the hot path).
  private tokenStart = 0;
  private tokenLine = 1;
  private tokenCol = 1;
  private tokenNewline = false;

  next(): Token {
    this.skipSpaceAndComments();
    this.tokenNewline = this.sawNewline;
    this.sawNewline = false;
    this.tokenStart = this.pos;
    this.tokenLine = this.line;
    this.tokenCol = this.pos - this.lineStart + 1;
    const start = this.pos;
    const src = this.source;
    if (this.pos >= src.length) return this.make('eof', '<eof>');
    const c = src.charCodeAt(this.pos);
    if (isNameStart(c)) {
      while (this.pos < src.length && isNamePart(src.charCodeAt(this.pos))) this.pos++;
      const word = src.slice(start, this.pos);
      return this.make(KEYWORDS.has(word) ? 'keyword' : 'name', word);
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(this.pos + 1)))) {
      return this.readNumber();
    }
    if (c === 34 || c === 39) return this.readString(src[this.pos]);
    if (c === 91) {
      const level = this.longBracketLevel();
      if (level >= 0) {
        const text = this.readLongBracket(level);
        if (text === null) return this.make('error', `unfinished long string near '<eof>'`);
        return this.make('string', text);
      }
    }
    for (const symbol of SYMBOLS_BY_FIRST.get(src[this.pos]) ?? []) {
      if (src.startsWith(symbol, this.pos)) {
        this.pos += symbol.length;
        return this.make('symbol', symbol);
      }
    }
    this.pos++;
    return this.make('error', `unexpected symbol near '${src[start]}'`);
  }

  private make(kind: TokenKind, value: string): Token {
    return {
      kind,
      value,
      start: this.tokenStart,
      end: this.pos,
      line: this.tokenLine,
      col: this.tokenCol,
      newlineBefore: this.tokenNewline,
    };
  }

  /** Every token up to and including `eof`. */
  static tokenize(source: string): Token[] {
    const lexer = new Lexer(source);
    const tokens: Token[] = [];
    for (;;) {
      const token = lexer.next();
      tokens.push(token);
      if (token.kind === 'eof') return tokens;
    }
  }

  private newline(): void {
    // \r\n and \n\r count as one line break, as in Lua's inclinenumber.
    const c = this.source[this.pos];
    this.pos++;
    const d = this.source[this.pos];
    if ((d === '\n' || d === '\r') && d !== c) this.pos++;
    this.line++;
    this.lineStart = this.pos;
    this.sawNewline = true;
  }

  private skipSpaceAndComments(): void {
    const src = this.source;
    while (this.pos < src.length) {
      const ch = src[this.pos];
      if (ch === '\n' || ch === '\r') {
        this.newline();
      } else if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v') {
        this.pos++;
      } else if (ch === '-' && src[this.pos + 1] === '-') {
        this.pos += 2;
        if (src[this.pos] === '[') {
          const level = this.longBracketLevel();
          if (level >= 0) {
            // An unfinished long comment runs to the end, as in Lua (error reported there).
            this.readLongBracket(level);
            continue;
          }
        }
        while (this.pos < src.length && src[this.pos] !== '\n' && src[this.pos] !== '\r') {
          this.pos++;
        }
      } else {
        return;
      }
    }
  }

  /** At `[`: the level of `[==[` (0 for `[[`), or -1 when it is not a long bracket. */
  private longBracketLevel(): number {
    let p = this.pos + 1;
    let level = 0;
    while (this.source[p] === '=') {
      level++;
      p++;
    }
    return this.source[p] === '[' ? level : -1;
  }

  /** Reads `[==[ … ]==]`; null when it never closes (then the position is the end). */
  private readLongBracket(level: number): string | null {
    const src = this.source;
    this.pos += level + 2;
    // A newline right after the opening bracket is skipped, as Lua does.
    if (src[this.pos] === '\r' || src[this.pos] === '\n') this.newline();
    const close = ']' + '='.repeat(level) + ']';
    let text = '';
    let from = this.pos;
    while (this.pos < src.length) {
      const ch = src[this.pos];
      if (ch === ']' && src.startsWith(close, this.pos)) {
        text += src.slice(from, this.pos);
        this.pos += close.length;
        return text;
      }
      if (ch === '\n' || ch === '\r') {
        text += src.slice(from, this.pos) + '\n';
        this.newline();
        from = this.pos;
      } else {
        this.pos++;
      }
    }
    return null;
  }

  private readNumber(): Token {
    const src = this.source;
    const start = this.pos;
    let exponent = 'Ee';
    if (src[this.pos] === '0' && (src[this.pos + 1] === 'x' || src[this.pos + 1] === 'X')) {
      this.pos += 2;
      exponent = 'Pp';
    }
    // Lua reads a numeral greedily (digits, dots, exponent signs), then checks it as a whole.
    for (;;) {
      const ch = src[this.pos];
      if (ch === undefined) break;
      if (exponent.includes(ch) && (src[this.pos + 1] === '+' || src[this.pos + 1] === '-')) {
        this.pos += 2;
      } else if (isHexDigit(ch.charCodeAt(0)) || ch === '.' || isNamePart(ch.charCodeAt(0))) {
        this.pos++;
      } else {
        break;
      }
    }
    const text = src.slice(start, this.pos);
    if (!isWellFormedNumber(text)) return this.make('error', `malformed number near '${text}'`);
    return this.make('number', text);
  }

  private readString(quote: string): Token {
    const src = this.source;
    this.pos++;
    let value = '';
    while (this.pos < src.length) {
      const ch = src[this.pos];
      if (ch === quote) {
        this.pos++;
        return this.make('string', value);
      }
      if (ch === '\n' || ch === '\r') break;
      if (ch === '\\') {
        const escaped = this.readEscape();
        if (escaped === null) {
          return this.make(
            'error',
            `invalid escape sequence near '${src.slice(this.startOf(), this.pos)}'`,
          );
        }
        value += escaped;
        continue;
      }
      value += ch;
      this.pos++;
    }
    return this.make('error', `unfinished string near '${src.slice(this.startOf(), this.pos)}'`);
  }

  private startOf(): number {
    return this.tokenStart;
  }

  /** At `\`: the escape's value (as a JS string of byte-like chars), or null when invalid. */
  private readEscape(): string | null {
    const src = this.source;
    this.pos++;
    const ch = src[this.pos];
    const simple: Record<string, string> = {
      a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
      '\\': '\\', '"': '"', "'": "'",
    }; // prettier-ignore
    if (ch !== undefined && ch in simple) {
      this.pos++;
      return simple[ch];
    }
    if (ch === '\n' || ch === '\r') {
      this.newline();
      return '\n';
    }
    if (ch !== undefined && isDigit(ch.charCodeAt(0))) {
      const digits = /^[0-9]{1,3}/.exec(src.slice(this.pos, this.pos + 3))![0];
      if (Number(digits) > 255) return null;
      this.pos += digits.length;
      return String.fromCharCode(Number(digits));
    }
    // go-lua's scanEscape knows Lua 5.1's escapes only: any other character (`\x41`, `\u{48}`,
    // `\z`, `\q`) loses its backslash and stands for itself, as the engine reads it too.
    if (ch === undefined) return null;
    this.pos++;
    return ch;
  }
}

function isWellFormedNumber(text: string): boolean {
  // go-lua's scanNumber reads hexadecimal digits only: no hexadecimal fractions or exponents.
  if (/^0[xX]/.test(text)) return /^0[xX][0-9a-fA-F]+$/.test(text);
  return /^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text);
}
