/** The keyboard: Run and Stop from anywhere, a way out of the editor, tab arrows, the `?` sheet. */
import { test, expect } from './fixtures.ts';

const focusInEditor = () => Boolean(document.activeElement?.closest('.monaco-editor'));

test.describe('keyboard', () => {
  test('Ctrl+Enter runs and Ctrl+. stops with the focus in the console', async ({ playground }) => {
    const { page } = playground;
    await playground.open({ code: 'print("spinning")\nwhile true do end' });
    await page.getByTestId('console.clear').focus();
    expect(await page.evaluate(focusInEditor)).toBe(false);
    await page.keyboard.press('Control+Enter');
    await expect(playground.status).toHaveText('running');
    await expect(playground.output).toContainText('spinning');
    await page.getByTestId('console.clear').focus();
    await page.keyboard.press('Control+.');
    await expect(playground.status).toHaveText('idle');
    await expect(playground.output).toContainText('Stopped');
  });

  test('Ctrl+Enter from a side tab runs once; in the editor too', async ({ playground }) => {
    const { page } = playground;
    await playground.open({ code: 'print("once")' });
    await page.getByTestId('tab.policy').focus();
    await page.keyboard.press('Control+Enter');
    await expect(playground.status).toHaveText('finished');
    await playground.editor.click();
    await page.keyboard.press('Control+Enter');
    await expect(playground.output).toContainText('Run #2');
    await expect(playground.status).toHaveText('finished');
    await expect(playground.output).not.toContainText('Run #3');
  });

  test('Ctrl+M makes Tab leave the editor, and the toggle shows it', async ({ playground }) => {
    const { page } = playground;
    await playground.open({ code: 'print(1)' });
    const toggle = page.getByTestId('editor.tab-focus');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await playground.editor.click();
    await page.keyboard.press('Control+m');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(focusInEditor)).toBe(false);
    expect(await playground.editorText()).toBe('print(1)');

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await playground.editor.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(focusInEditor)).toBe(true);
  });

  test('the side tabs follow the arrow keys, Home and End', async ({ playground }) => {
    const { page } = playground;
    await playground.open();
    await page.getByTestId('tab.inspector').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tab.processes')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tab.policy')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('tab.policy')).toBeFocused();
    await expect(playground.policy).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByTestId('tab.reference')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tab.inspector')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('tab.policy')).toHaveAttribute('tabindex', '-1');
  });

  test('? opens the shortcuts sheet, but types a ? in the editor', async ({ playground }) => {
    const { page } = playground;
    await playground.open({ code: 'x = 1' });
    await page.getByTestId('tab.inspector').focus();
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcuts.sheet');
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText('Stop the script');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    await playground.editor.click();
    await page.keyboard.press('End');
    await page.keyboard.press('?');
    await expect.poll(() => playground.editorText()).toBe('x = 1?');
    await expect(sheet).toBeHidden();
  });
});
