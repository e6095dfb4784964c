/**
 * The syntax tree of the platform's Lua (wippyai/go-lua's grammar, `compiler/parse/parser.go.y`).
 * Every node has `start`/`end` (offsets into the source, end exclusive) and the 1-based `line`
 * and `col` of its start. Annotations own their leading token (`:`, `::`, `as`, `!`, `<`), so a
 * node's span is exactly what erasing removes. A part that did not parse is an `Error` node; the
 * parser always returns a tree (see `parser.ts`).
 *
 * The shape is shared with the checker and the editor (branch `check`): extend it, do not
 * rename or remove fields.
 */

export interface NodeBase {
  start: number;
  end: number;
  line: number;
  col: number;
}

// ---------------------------------------------------------------------------------------------
// Chunks, blocks, statements

export interface Chunk extends NodeBase {
  kind: 'Chunk';
  body: Block;
}

export interface Block extends NodeBase {
  kind: 'Block';
  body: Stat[];
}

export type Stat =
  | LocalStat
  | LocalFunctionStat
  | FunctionStat
  | AssignStat
  | CallStat
  | DoStat
  | WhileStat
  | RepeatStat
  | IfStat
  | NumericForStat
  | GenericForStat
  | ReturnStat
  | BreakStat
  | GotoStat
  | LabelStat
  | TypeAliasStat
  | InterfaceStat
  | ErrorStat;

/** A declared name with an optional annotation (`x: number`). */
export interface TypedName extends NodeBase {
  kind: 'TypedName';
  name: string;
  /** `: T`, from the colon to the end of the type; absent when not annotated. */
  annotation?: TypeAnnotation;
}

/** `: T` (owns the colon). */
export interface TypeAnnotation extends NodeBase {
  kind: 'TypeAnnotation';
  type: Type;
}

export interface LocalStat extends NodeBase {
  kind: 'Local';
  names: TypedName[];
  values: Expr[];
}

export interface LocalFunctionStat extends NodeBase {
  kind: 'LocalFunction';
  name: Name;
  func: FunctionExpr;
}

/** `function a.b.c:m() … end`: `path` are the dotted names, `method` the name after `:`. */
export interface FunctionStat extends NodeBase {
  kind: 'Function';
  base: Name;
  path: Name[];
  method?: Name;
  func: FunctionExpr;
}

export interface AssignStat extends NodeBase {
  kind: 'Assign';
  targets: Expr[];
  values: Expr[];
}

export interface CallStat extends NodeBase {
  kind: 'CallStat';
  call: CallExpr | MethodCallExpr;
}

export interface DoStat extends NodeBase {
  kind: 'Do';
  body: Block;
}

export interface WhileStat extends NodeBase {
  kind: 'While';
  condition: Expr;
  body: Block;
}

export interface RepeatStat extends NodeBase {
  kind: 'Repeat';
  body: Block;
  condition: Expr;
}

export interface IfClause extends NodeBase {
  kind: 'IfClause';
  condition: Expr;
  body: Block;
}

export interface IfStat extends NodeBase {
  kind: 'If';
  /** The `if` clause first, then each `elseif`. */
  clauses: IfClause[];
  orElse?: Block;
}

export interface NumericForStat extends NodeBase {
  kind: 'NumericFor';
  variable: Name;
  from: Expr;
  to: Expr;
  step?: Expr;
  body: Block;
}

export interface GenericForStat extends NodeBase {
  kind: 'GenericFor';
  names: Name[];
  exprs: Expr[];
  body: Block;
}

export interface ReturnStat extends NodeBase {
  kind: 'Return';
  values: Expr[];
}

export interface BreakStat extends NodeBase {
  kind: 'Break';
}

export interface GotoStat extends NodeBase {
  kind: 'Goto';
  label: Name;
}

export interface LabelStat extends NodeBase {
  kind: 'Label';
  label: Name;
}

/** `<T, U: C>` (owns the angle brackets). */
export interface TypeParams extends NodeBase {
  kind: 'TypeParams';
  params: TypeParam[];
}

export interface TypeParam extends NodeBase {
  kind: 'TypeParam';
  name: string;
  constraint?: Type;
}

/** `type Name<T> = Type` (the whole statement is erased). */
export interface TypeAliasStat extends NodeBase {
  kind: 'TypeAlias';
  name: Name;
  typeParams?: TypeParams;
  type: Type;
}

export interface InterfaceMethod extends NodeBase {
  kind: 'InterfaceMethod';
  name: string;
  params: TypedName[];
  returns: Type[];
}

/** `interface Name : Base, Other  function m(a: T): R  end` (erased whole). */
export interface InterfaceStat extends NodeBase {
  kind: 'Interface';
  name: Name;
  extends: Name[];
  methods: InterfaceMethod[];
}

export interface ErrorStat extends NodeBase {
  kind: 'ErrorStat';
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type Expr =
  | NilExpr
  | TrueExpr
  | FalseExpr
  | NumberExpr
  | StringExpr
  | VarargExpr
  | FunctionExpr
  | TableExpr
  | BinaryExpr
  | UnaryExpr
  | Name
  | IndexExpr
  | MemberExpr
  | CallExpr
  | MethodCallExpr
  | ParenExpr
  | CastExpr
  | NonNilExpr
  | TypeofExpr
  | ErrorExpr;

export interface NilExpr extends NodeBase {
  kind: 'Nil';
}
export interface TrueExpr extends NodeBase {
  kind: 'True';
}
export interface FalseExpr extends NodeBase {
  kind: 'False';
}
export interface NumberExpr extends NodeBase {
  kind: 'Number';
  /** The numeral as written. */
  raw: string;
}
export interface StringExpr extends NodeBase {
  kind: 'String';
  /** The decoded value (escapes applied; bytes as chars 0-255 where written as escapes). */
  value: string;
}
export interface VarargExpr extends NodeBase {
  kind: 'Vararg';
}

/** A function's parameter list, annotations and body (`function` expressions and statements). */
export interface FunctionExpr extends NodeBase {
  kind: 'FunctionExpr';
  typeParams?: TypeParams;
  params: TypedName[];
  /** Present when the list ends with `...`; its annotation is `...: T`. */
  vararg?: VarargParam;
  /** `: T, U` or `: (T, U)` after the parameter list (owns the colon). */
  returns?: ReturnAnnotation;
  body: Block;
  /** True for `function a:m()`: the implicit `self`. */
  isMethod: boolean;
}

export interface VarargParam extends NodeBase {
  kind: 'VarargParam';
  annotation?: TypeAnnotation;
}

export interface ReturnAnnotation extends NodeBase {
  kind: 'ReturnAnnotation';
  types: Type[];
}

export type TableField = ArrayField | NamedField | KeyedField;

export interface ArrayField extends NodeBase {
  kind: 'ArrayField';
  value: Expr;
}
export interface NamedField extends NodeBase {
  kind: 'NamedField';
  name: Name;
  value: Expr;
}
export interface KeyedField extends NodeBase {
  kind: 'KeyedField';
  key: Expr;
  value: Expr;
}

export interface TableExpr extends NodeBase {
  kind: 'Table';
  fields: TableField[];
}

export type BinaryOp =
  | 'or' | 'and'
  | '<' | '>' | '<=' | '>=' | '==' | '~='
  | '|' | '~' | '&' | '<<' | '>>'
  | '..'
  | '+' | '-' | '*' | '/' | '//' | '%' | '^'; // prettier-ignore

export interface BinaryExpr extends NodeBase {
  kind: 'Binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

export type UnaryOp = 'not' | '-' | '#' | '~';

export interface UnaryExpr extends NodeBase {
  kind: 'Unary';
  op: UnaryOp;
  operand: Expr;
}

export interface Name extends NodeBase {
  kind: 'Name';
  name: string;
}

export interface IndexExpr extends NodeBase {
  kind: 'Index';
  object: Expr;
  index: Expr;
}

export interface MemberExpr extends NodeBase {
  kind: 'Member';
  object: Expr;
  member: Name;
}

export interface CallExpr extends NodeBase {
  kind: 'Call';
  callee: Expr;
  args: Expr[];
}

export interface MethodCallExpr extends NodeBase {
  kind: 'MethodCall';
  object: Expr;
  method: Name;
  args: Expr[];
}

export interface ParenExpr extends NodeBase {
  kind: 'Paren';
  expr: Expr;
}

/** `e :: T` or `e as T`; `opStart` is where `::`/`as` begins (erased from there to `end`). */
export interface CastExpr extends NodeBase {
  kind: 'Cast';
  op: '::' | 'as';
  opStart: number;
  expr: Expr;
  type: Type;
}

/** `e!`; `bangStart` is the offset of `!` (the only character erased). */
export interface NonNilExpr extends NodeBase {
  kind: 'NonNil';
  bangStart: number;
  expr: Expr;
}

/**
 * `typeof(e)` as a value (the docs' `typeof(arr):elem()`): the static type of `e` where it is
 * known, else the type of its value. go-lua's grammar has `typeof` only in types; the docs use it
 * in expressions, so the playground accepts both.
 */
export interface TypeofExpr extends NodeBase {
  kind: 'TypeofExpr';
  expr: Expr;
}

export interface ErrorExpr extends NodeBase {
  kind: 'ErrorExpr';
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Types (only the checker and the run-time type values see them; erasing removes them)

export type Type =
  | NamedType
  | LiteralType
  | ArrayType
  | MapType
  | RecordType
  | FunctionType
  | UnionType
  | IntersectionType
  | OptionalType
  | IndexedType
  | TypeofType
  | KeyofType
  | ConditionalType
  | AssertsType
  | ParenType
  | ErrorType;

/** A validator such as `@min(0)`; args are expressions (usually literals). */
export interface Validator extends NodeBase {
  kind: 'Validator';
  name: string;
  args: Expr[];
}

/**
 * `number`, `Point`, `mylib.Config` (`module` = `mylib`), `Box<T>` (`args`). Built-in names
 * (`nil boolean number integer string any unknown never table function thread userdata`) are
 * NamedTypes too; the consumer decides what a name means.
 */
export interface NamedType extends NodeBase {
  kind: 'NamedType';
  name: string;
  module?: string;
  args?: Type[];
  validators: Validator[];
}

export interface LiteralType extends NodeBase {
  kind: 'LiteralType';
  value: string | number | boolean;
  /** For numbers: whether the numeral is an integer (no `.`, no exponent). */
  integer?: boolean;
}

/** `{T}` or `T[]` (`readonly {T}` sets readonly). */
export interface ArrayType extends NodeBase {
  kind: 'ArrayType';
  element: Type;
  readonly: boolean;
  validators: Validator[];
}

export interface MapType extends NodeBase {
  kind: 'MapType';
  key: Type;
  value: Type;
  readonly: boolean;
}

export interface RecordField extends NodeBase {
  kind: 'RecordField';
  name: string;
  optional: boolean;
  type: Type;
  validators: Validator[];
}

/** `{a: T, b?: U}`, `{}`, `interface { … }` (`isInterface`), `readonly { … }`. */
export interface RecordType extends NodeBase {
  kind: 'RecordType';
  fields: RecordField[];
  readonly: boolean;
  isInterface: boolean;
}

export interface FunctionTypeParam extends NodeBase {
  kind: 'FunctionTypeParam';
  /** Absent for an unnamed parameter (`(number) -> T`); `...` for the variadic one. */
  name?: string;
  type: Type;
}

/** `(a: T) -> R`, `(T) -> (R, S)`, `fun(a: T): R` (`returns` undefined: `fun(…)` with none). */
export interface FunctionType extends NodeBase {
  kind: 'FunctionType';
  params: FunctionTypeParam[];
  returns?: Type[];
  style: 'arrow' | 'fun';
}

export interface UnionType extends NodeBase {
  kind: 'UnionType';
  types: Type[];
}

export interface IntersectionType extends NodeBase {
  kind: 'IntersectionType';
  types: Type[];
}

/** `T?` */
export interface OptionalType extends NodeBase {
  kind: 'OptionalType';
  inner: Type;
}

/** `T[K]` (indexed access). */
export interface IndexedType extends NodeBase {
  kind: 'IndexedType';
  object: Type;
  index: Type;
}

/** `typeof(expr)`: the static type of an expression. */
export interface TypeofType extends NodeBase {
  kind: 'TypeofType';
  expr: Expr;
}

export interface KeyofType extends NodeBase {
  kind: 'KeyofType';
  type: Type;
}

/** `Check extends Extends ? Then : Else` */
export interface ConditionalType extends NodeBase {
  kind: 'ConditionalType';
  check: Type;
  extends: Type;
  then: Type;
  else: Type;
}

/** `asserts x` / `asserts x is T` (return type of an assertion function). */
export interface AssertsType extends NodeBase {
  kind: 'AssertsType';
  param: string;
  narrowsTo?: Type;
}

/** `(T)`: grouping (a lenient extension: go-lua only groups function types). */
export interface ParenType extends NodeBase {
  kind: 'ParenType';
  type: Type;
}

export interface ErrorType extends NodeBase {
  kind: 'ErrorType';
  message: string;
}

export type Node =
  | Chunk
  | Block
  | Stat
  | Expr
  | Type
  | TypedName
  | TypeAnnotation
  | TypeParams
  | TypeParam
  | IfClause
  | InterfaceMethod
  | VarargParam
  | ReturnAnnotation
  | TableField
  | Validator
  | RecordField
  | FunctionTypeParam;

/** A syntax error: Lua's wording, at the token where it was found. */
export interface SyntaxError {
  message: string;
  start: number;
  end: number;
  line: number;
  col: number;
}

export interface ParseResult {
  chunk: Chunk;
  errors: SyntaxError[];
}
