/**
 * How a finished `funcs` call reaches Lua (funcs/yields.go CallYield.HandleResult,
 * future/future.go): the callee's error keeps its kind, retryable flag and message; a raised
 * string becomes an error object with that message; the first return value is the result.
 */
import type { LuaState } from '../../lua/api.ts';
import { copiedError, copiedText } from '../../../process/payload-copy.ts';
import type { ApiError, ExitResult } from '../../../process/types.ts';
import { pushError, runtimeError, type RuntimeError } from '../errors.ts';

/** A finished call: its value, or the error it ended with. */
export type CallOutcome = { ok: true; exit: ExitResult } | { ok: false; error: RuntimeError };

export function callOutcome(exit: ExitResult): CallOutcome {
  if (exit.error === null && exit.errorText === undefined) return { ok: true, exit };
  const error = copiedError(exit.error);
  if (error) return { ok: false, error };
  const text = copiedText(exit.error) ?? exit.errorText ?? 'function call failed';
  return { ok: false, error: { kind: '', message: text, retryable: undefined } };
}

export function apiErrorToRuntime(error: ApiError): RuntimeError {
  return runtimeError(error.kind, error.message);
}

/** A fresh error object of its own for each push (`WrapErrorWithLua(err, "")`). */
export function pushOutcomeError(L: LuaState, error: RuntimeError): void {
  pushError(L, structuredClone({ ...error, stack: undefined }));
}
