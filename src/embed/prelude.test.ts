/**
 * A widget's prelude runs before the snippet as its own chunk, in both dialects (the
 * platform's Lua has no `load`, so the runtime loads it: RunOptions.prelude).
 */
import { describe, expect, it } from 'vitest';
import { runLua } from '../runtime/run-for-test.ts';
import { DIALECTS } from '../shared/dialect.ts';

describe.each(DIALECTS)('a prelude under %s', (dialect) => {
  const run = (code: string, prelude: string) => runLua(code, { dialect, prelude }).done;

  it("runs first; its globals are the snippet's, its locals are not", async () => {
    const r = await run(
      'print("token is " .. token .. ", hidden is " .. tostring(hidden))',
      'token = "abc"\nlocal hidden = 1\nprint("set up")',
    );
    expect(r.end).toEqual({ status: 'finished' });
    expect(r.lines).toEqual(['set up', 'token is abc, hidden is nil']);
  });

  it("keeps the snippet's line numbers in errors", async () => {
    const r = await run('print("one")\n\nerror("on line three")', 'x = 1\ny = 2\nz = 3\n');
    expect(r.end.status).toBe('error');
    if (r.end.status === 'error') expect(r.end.failure.message).toBe('main.lua:3: on line three');
  });

  it('names the prelude in its own errors, with its own line, and runs no snippet', async () => {
    const r = await run('print("never")', 'x = 1\nerror("bad set-up")');
    expect(r.end.status).toBe('error');
    if (r.end.status === 'error') expect(r.end.failure.message).toBe('prelude:2: bad set-up');
    expect(r.lines).toEqual([]);
  });

  it('reports a syntax error of the prelude under its name', async () => {
    const r = await run('print("never")', 'x = = 1');
    expect(r.end.status).toBe('error');
    if (r.end.status === 'error') expect(r.end.failure.message).toMatch(/^prelude:1: /);
  });

  it('lets the script end with nil, err as the platform reads it', async () => {
    const r = await run('return nil, "failed " .. why', 'why = "here"');
    expect(r.end.status).toBe('error');
    if (r.end.status === 'error')
      expect(r.end.failure.message).toBe('the script returned an error: failed here');
  });
});
