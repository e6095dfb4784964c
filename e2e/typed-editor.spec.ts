/**
 * The editor speaks the platform's typed Lua (issues 17 and 20): typed code typed into the
 * editor gets no false syntax error, a type error is marked at its line as you type, strict
 * checking refuses the run with the platform's text, the run goes ahead when checking is off,
 * a syntax error is marked before Run at the right line, and a location in the console moves
 * the cursor there.
 */
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';

const TYPED = [
  'type Point = {x: number, y: number}',
  'local p: Point = {x = 1, y = 2}',
  'local label: string = p.x',
  'print(p.x + p.y)',
].join('\n');

/** Replace the editor's text by typing, as a person would. */
async function typeCode(playground: PlaygroundPage, code: string): Promise<void> {
  const { page } = playground;
  await playground.editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/** The 1-based editor line a marker squiggle is drawn on (by matching the line numbers' rows). */
async function squiggleLines(playground: PlaygroundPage, kind: 'error' | 'warning' | 'info') {
  const { page } = playground;
  const squiggles = page.locator(`.monaco-editor .squiggly-${kind}`);
  const numbers = page.locator('.monaco-editor .margin-view-overlays .line-numbers');
  const rows = await numbers.evaluateAll((els) =>
    els.map((el) => ({ line: Number(el.textContent), top: el.getBoundingClientRect().top })),
  );
  const tops = await squiggles.evaluateAll((els) =>
    els.map((el) => el.getBoundingClientRect().top),
  );
  return tops.map(
    (top) => rows.reduce((a, b) => (Math.abs(b.top - top) < Math.abs(a.top - top) ? b : a)).line,
  );
}

test.describe('typed Lua in the editor', () => {
  test('a type error is marked at its line as you type, with no syntax error on typed code', async ({
    playground,
  }) => {
    await playground.open({ code: 'print(1)' });
    await typeCode(playground, TYPED);
    await expect(playground.page.locator('.monaco-editor .squiggly-warning')).toHaveCount(1);
    expect(await squiggleLines(playground, 'warning')).toEqual([3]);
    await expect(playground.page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);

    // The marker's words are the platform checker's.
    await playground.page.keyboard.press('F8');
    await expect(playground.page.locator('.marker-widget')).toContainText(
      'cannot assign number to string',
    );
    await playground.page.keyboard.press('Escape');

    // Hovering a name shows its type, from the checker's table.
    // The `p` after `local ` on line 2: Monaco draws `local` as its own span.
    const keyword = playground.editor
      .locator('.view-line', { hasText: /local.p:.Point/ })
      .locator('span span')
      .first();
    const box = (await keyword.boundingBox())!;
    const charWidth = box.width / 'local'.length;
    await playground.page.mouse.move(box.x + box.width + charWidth * 1.5, box.y + box.height / 2);
    await expect(playground.page.locator('.monaco-hover').first()).toContainText('p: Point');
  });

  test('strict checking refuses the run before it starts, in the platform words', async ({
    playground,
  }) => {
    await playground.open({ code: TYPED, types: 'strict' });
    await expect(playground.page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
    await playground.runAndWait('error');
    await playground.expectOutput('type errors in main.lua: 3:23 cannot assign number to string');
    await expect(playground.output.locator('[data-stream="stdout"]')).toHaveCount(0);
  });

  test('with checking off the typed script runs', async ({ playground }) => {
    await playground.open({ code: TYPED, types: 'off' });
    await playground.runAndWait('finished');
    await expect(playground.output.locator('[data-stream="stdout"]')).toHaveText(['3']);
    await expect(playground.page.locator('.monaco-editor .squiggly-warning')).toHaveCount(0);
  });

  test("a syntax error is marked before Run, at the last line of code and the opening token's line", async ({
    playground,
  }) => {
    await playground.open({ code: 'print(1)' });
    await typeCode(
      playground,
      'local function f(x: number)\n  if x > 1 then\n    print(x)\n  end\n\n',
    );
    await expect(playground.page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
    expect(await squiggleLines(playground, 'error')).toEqual([4]);
    expect(await squiggleLines(playground, 'info')).toEqual([1]);
    await expect(playground.status).toHaveText('idle');
  });

  test('a location in a Lua error moves the editor cursor to its line', async ({ playground }) => {
    await playground.open({ code: 'local x = 1\nlocal y = 2\nerror("boom")\n', dialect: 'lua53' });
    await playground.runAndWait('error');
    const location = playground.output
      .locator('.console-location', { hasText: 'main.lua:3:' })
      .first();
    await location.click();
    // Monaco highlights the cursor's line number.
    await expect(playground.editor.locator('.line-numbers.active-line-number')).toHaveText('3');
  });
});
