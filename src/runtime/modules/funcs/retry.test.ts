/** The retry interceptor's rules (retry/interceptor.go, backoff/calculator.go) as pure checks. */
import { describe, expect, it } from 'vitest';
import { runtimeError, type ErrorKindName, type RuntimeError } from '../errors.ts';
import { mayRetry, retryWaits, type RetryPolicy } from './retry.ts';

const policy = (over: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 5,
  initialDelayMs: 10,
  maxDelayMs: 10_000,
  backoffFactor: 2,
  jitter: 0,
  retryKinds: [],
  skipKinds: [],
  ...over,
});

/** An error of `kind`; retryable unknown unless given. */
const failure = (kind: ErrorKindName, retryable?: boolean): RuntimeError => ({
  ...runtimeError(kind, 'x'),
  retryable,
});

const waits = (p: RetryPolicy, random?: () => number) => {
  const schedule = retryWaits(p, random);
  const all: (number | null)[] = [];
  for (let i = 0; i < 6; i++) all.push(schedule.next());
  return all;
};

describe('retry waits', () => {
  it('start at initial_delay * backoff_factor and give max_attempts - 1 of them', () => {
    expect(waits(policy())).toEqual([20, 40, 80, 160, null, null]);
    expect(waits(policy({ maxAttempts: 2 }))).toEqual([20, null, null, null, null, null]);
  });

  it('stop growing at max_delay', () => {
    expect(waits(policy({ maxDelayMs: 50 }))).toEqual([20, 40, 50, 50, null, null]);
  });

  it('move by up to ±jitter of themselves', () => {
    expect(waits(policy({ jitter: 0.5, maxAttempts: 3 }), () => 0)).toEqual([
      10,
      20,
      null,
      null,
      null,
      null,
    ]);
    expect(waits(policy({ jitter: 0.5, maxAttempts: 3 }), () => 1)).toEqual([
      30,
      60,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('which errors may run again', () => {
  it('every kind but Invalid, PermissionDenied and Internal; no kind counts as Internal', () => {
    const kinds = [
      'UNAVAILABLE',
      'TIMEOUT',
      'NOT_FOUND',
      'INVALID',
      'PERMISSION_DENIED',
      'INTERNAL',
      'UNKNOWN',
    ] as const;
    expect(kinds.map((k) => mayRetry(policy(), failure(k)))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('never one marked not retryable; skip_kinds, then retry_kinds decide', () => {
    expect(mayRetry(policy(), failure('UNAVAILABLE', false))).toBe(false);
    expect(mayRetry(policy(), failure('UNAVAILABLE', true))).toBe(true);
    const onlyInvalid = policy({ retryKinds: ['Invalid'] });
    expect(mayRetry(onlyInvalid, failure('INVALID'))).toBe(true);
    expect(mayRetry(onlyInvalid, failure('UNAVAILABLE'))).toBe(false);
    const skip = policy({ retryKinds: ['Invalid'], skipKinds: ['Invalid'] });
    expect(mayRetry(skip, failure('INVALID'))).toBe(false);
  });
});
