import { describe, expect, it } from 'vitest';
import { unexpectedFailures } from './platform-suites-expectations.ts';

describe('unexpectedFailures', () => {
  it('lets the expected failure and a wall-clock test that missed its time through', () => {
    const results = [
      { id: 'app.test.funcs:parallel', passed: false, message: 'table index is nil' },
      {
        id: 'app.test.processfunc:async_parallel',
        passed: false,
        message: 'parallel execution (< 200ms): 231ms',
      },
      { id: 'app.test.process:spawn_basic', passed: true },
    ];
    expect(unexpectedFailures(results)).toEqual([]);
  });

  it('counts any other failure, of a wall-clock test too', () => {
    const results = [
      { id: 'app.test.processfunc:async_parallel', passed: false, message: 'attempt to call nil' },
      { id: 'app.test.process:spawn_basic', passed: false, message: 'boom' },
    ];
    expect(unexpectedFailures(results).map((r) => r.id)).toEqual([
      'app.test.processfunc:async_parallel',
      'app.test.process:spawn_basic',
    ]);
  });
});
