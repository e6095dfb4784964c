/**
 * Type diagnostics as data. The codes are the platform's own (go-lua `types/diag/types.go`:
 * `Code` counts from 0 and prints as `E%04d`), so a message here reads like `wippy lint`'s;
 * the words of each message are go-lua's too (`compiler/check/hooks/*_check.go`,
 * `synth/ops/call.go`). Never renumber: a code is fixed once published.
 */

export const TYPE_CODES = {
  /** ErrTypeMismatch: `cannot assign string to number`, `argument 1: expected …, got …`. */
  typeMismatch: 'E0000',
  /** ErrNotCallable: `expected function, got number`. */
  notCallable: 'E0002',
  /** ErrWrongArity: `not enough arguments`, `too many arguments`. */
  wrongArity: 'E0003',
  /** ErrNoField: `field 'x' does not exist on type Person`. */
  noField: 'E0004',
  /** ErrMissingReturn: `missing return`. */
  missingReturn: 'E0010',
  /** ErrInvalidOperand: `cannot perform arithmetic on string, expected number`. */
  invalidOperand: 'E0019',
} as const;

export type TypeCode = (typeof TYPE_CODES)[keyof typeof TYPE_CODES];

export interface TypeDiagnostic {
  code: TypeCode;
  message: string;
  /** Offsets into the source (end exclusive), and the 1-based line and column of `start`. */
  start: number;
  end: number;
  line: number;
  col: number;
}

/** A name's type at a place in the source: what hovers show. */
export interface TypeAtPosition {
  start: number;
  end: number;
  line: number;
  col: number;
  name: string;
  type: string;
}

/**
 * The platform's strict-mode refusal (runtime `code/errors.go` `NewTypeCheckDiagnosticError`):
 * `type errors in <chunk>: <line>:<col> <message>; …`.
 */
export function typeErrorsMessage(
  chunkName: string,
  diagnostics: readonly TypeDiagnostic[],
): string {
  const list = diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('; ');
  return `type errors in ${chunkName}: ${list}`;
}
