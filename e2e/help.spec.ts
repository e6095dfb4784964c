/**
 * Help that reads well (issue 20): the Reference tab searchable from the keyboard, and in the
 * editor, completions with `websocket.connect` first, hovers that lead with a plain sentence,
 * and signature help while typing arguments.
 */
import { test, expect } from './fixtures.ts';

test.describe('help', () => {
  test('the Reference tab filters as you type, from the keyboard', async ({ playground, page }) => {
    await playground.open({ code: 'print(1)' });
    await playground.openTab('reference');
    const panel = page.getByTestId('reference.panel');
    const search = panel.getByTestId('reference.search');
    const functions = panel.getByTestId('reference.function');
    const all = await functions.count();
    expect(all).toBeGreaterThan(40);
    // "/" anywhere in the panel goes to the search box.
    await panel.locator('.ref-module h3').first().click();
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await page.keyboard.type('close code');
    await expect(panel.getByTestId('reference.count')).toHaveText(/^\d+ match(es)?$/);
    await expect(functions.filter({ hasText: 'client:close_info()' })).toHaveCount(1);
    await expect(functions.filter({ hasText: 'websocket.connect(' })).toHaveCount(0);
    expect(await functions.count()).toBeLessThan(all);
    // Each function leads with a plain sentence and an example.
    const close = functions.filter({ hasText: 'client:close([code' });
    await expect(close.locator('.ref-summary')).toHaveText(
      'Closes the connection politely and waits for the server to agree.',
    );
    await expect(close.locator('.ref-example')).toHaveText('client:close(1000, "bye")');
    await page.keyboard.type(' zzqxj');
    await expect(panel.getByTestId('reference.empty')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(search).toHaveValue('');
    await expect(functions).toHaveCount(all);
  });

  test('completions rank websocket.connect first; signature help and hovers explain', async ({
    playground,
    page,
  }) => {
    await playground.open({ code: 'local websocket = require("websocket")\n' });
    await playground.editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('local c = websocket.');
    const suggest = page.locator('.suggest-widget');
    await expect(suggest).toBeVisible();
    await expect(suggest.locator('.monaco-list-row').first()).toContainText('connect');
    await page.keyboard.press('Escape');
    await page.keyboard.type('connect(');
    const signature = page.locator('.parameter-hints-widget');
    await expect(signature).toBeVisible();
    await expect(signature).toContainText('websocket.connect(url [, options])');
    await expect(signature).toContainText('Opens a WebSocket connection');
    await expect(signature.locator('.parameter.active')).toHaveText('url');
    await page.keyboard.type('"wss://api.example.com/ws", ');
    await expect(signature.locator('.parameter.active')).toHaveText('options');
    await page.keyboard.type('{})');
    await page.keyboard.press('Escape');
    await page.locator('.view-line', { hasText: 'connect(' }).getByText('connect').hover();
    const hover = page.locator('.monaco-hover:not(.hidden)');
    await expect(hover).toContainText('Opens a WebSocket connection and returns a client');
  });
});
