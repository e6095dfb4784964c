/**
 * The function ID a `funcs` call names, checked as funcs/module.go validateTarget does (after
 * registry.ParseID: the namespace is what comes before the first ':').
 */
import type { ApiError } from '../../../process/types.ts';

export function targetError(target: string): ApiError | null {
  if (target === '') return { kind: 'INVALID', message: 'function ID required' };
  const colon = target.indexOf(':');
  if (colon <= 0) return { kind: 'INVALID', message: 'namespace required in function ID' };
  if (colon === target.length - 1)
    return { kind: 'INVALID', message: 'name required in function ID' };
  return null;
}
