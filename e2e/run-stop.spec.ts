import { test, expect } from './fixtures.ts';

test.describe('run and stop', () => {
  test('runs a script and shows its output and status', async ({ playground }) => {
    await playground.open({ code: 'print("hello from e2e")\nprint(1 + 2)' });
    await playground.runAndWait('finished');
    await playground.expectOutput('hello from e2e', '3');
  });

  test('stops `while true do end` and can run again afterwards', async ({ playground }) => {
    await playground.open({ code: 'print("spinning")\nwhile true do end' });
    await playground.run.click();
    await expect(playground.status).toHaveText('running');
    await expect(playground.output).toContainText('spinning');
    await playground.page.waitForTimeout(300);
    await expect(playground.stop).toBeEnabled();
    const stoppedAt = Date.now();
    await playground.stop.click();
    await expect(playground.status).toHaveText('idle', { timeout: 5_000 });
    expect(Date.now() - stoppedAt).toBeLessThan(3_000);
    await expect(playground.output).toContainText('Stopped');
    // The page (and a possibly recreated worker) still runs scripts.
    await playground.runAndWait('running');
    await playground.stop.click();
    await expect(playground.status).toHaveText('idle', { timeout: 5_000 });
  });

  test('marks a Lua error at its line and shows the traceback', async ({ playground }) => {
    await playground.open({ code: 'print("before")\nlocal t = nil\nprint(t.x)\n' });
    await playground.runAndWait('error');
    await playground.expectOutput('before', 'attempt to index');
    await expect(playground.page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  });

  test('Ctrl+Enter in the editor runs the script', async ({ playground }) => {
    await playground.open({ code: 'print("via shortcut")' });
    await playground.editor.click();
    await playground.page.keyboard.press('Control+Enter');
    await expect(playground.status).toHaveText('finished');
    await playground.expectOutput('via shortcut');
  });
});
