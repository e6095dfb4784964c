/** The composed chunk checked against Debian's Lua 5.3: prelude globals, line numbers kept. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { luaQuote, withPrelude } from './prelude.ts';

const dir = mkdtempSync(join(tmpdir(), 'prelude-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run `source` as main.lua in lua5.3: stdout and stderr together, and whether it failed. */
function lua(source: string): { out: string; failed: boolean } {
  const file = join(dir, 'main.lua');
  writeFileSync(file, source);
  try {
    return {
      out: execFileSync('lua5.3', ['main.lua'], { cwd: dir, encoding: 'utf8' }),
      failed: false,
    };
  } catch (e) {
    const err = e as { stdout: string; stderr: string };
    return { out: err.stdout + err.stderr, failed: true };
  }
}

describe('withPrelude', () => {
  it('leaves code without a prelude as it is', () => {
    expect(withPrelude('print(1)', '  \n')).toBe('print(1)');
  });

  it("runs the prelude first; its globals are the snippet's", () => {
    const r = lua(withPrelude('print("token is " .. token)', 'token = "abc"\nprint("set up")'));
    expect(r).toEqual({ out: 'set up\ntoken is abc\n', failed: false });
  });

  it("keeps the snippet's line numbers in errors", () => {
    const r = lua(withPrelude('print("one")\n\nerror("on line three")', 'x = 1\ny = 2\nz = 3\n'));
    expect(r.failed).toBe(true);
    expect(r.out).toContain('main.lua:3: on line three');
  });

  it('names the prelude in its own errors, with its own line', () => {
    const r = lua(withPrelude('print("never")', 'x = 1\nerror("bad set-up")'));
    expect(r.out).toContain('prelude:2: bad set-up');
    expect(r.out).not.toContain('never');
  });

  it('quotes every byte value a prelude may hold', () => {
    const text = 'a"b\\c\r\n\t\0\x7f é ]]==] --[[';
    const r = lua(`io.write(${luaQuote(text)})`);
    expect(r.out).toBe(text);
  });
});
