/**
 * Scripts are never lost: an example or a permalink opens as a new script beside the
 * person's, the open script comes back after a reload, a deleted script can be restored,
 * and a script goes out to and comes in from a `.lua` file.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';

async function typeAtEnd(playground: PlaygroundPage, text: string): Promise<void> {
  await playground.editor.click();
  await playground.page.keyboard.press('Control+End');
  await playground.page.keyboard.press('Enter');
  await playground.page.keyboard.insertText(text);
}

const scriptTabs = (playground: PlaygroundPage) => playground.page.getByTestId('scripts.tab');

test.describe('scripts', () => {
  test('a typed draft survives opening an example and a reload', async ({ playground }) => {
    const { page } = playground;
    await playground.open();
    await typeAtEnd(playground, '-- my draft survives');
    await playground.openTab('examples');
    await page.getByTestId('examples.receive-basic').click();
    await expect.poll(() => playground.editorText()).toContain('基本受信');
    await expect(scriptTabs(playground)).toHaveCount(2);
    await expect(page).toHaveURL(/example=receive-basic/);

    await scriptTabs(playground).first().click();
    await expect.poll(() => playground.editorText()).toContain('-- my draft survives');
    await expect(page).not.toHaveURL(/example=/);

    await page.reload();
    await expect(playground.editor).toBeVisible({ timeout: 30_000 });
    await expect(scriptTabs(playground)).toHaveCount(2);
    await expect(scriptTabs(playground).first()).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => playground.editorText()).toContain('-- my draft survives');
    await scriptTabs(playground).nth(1).click();
    await expect.poll(() => playground.editorText()).toContain('基本受信');
  });

  test('the old single draft opens as "My draft"', async ({ playground }) => {
    await playground.page.addInitScript(() => {
      if (localStorage.getItem('lua-playground.scripts.v1') === null)
        localStorage.setItem('lua-playground.draft.v1', 'print("from the v0 draft")');
    });
    await playground.open();
    await expect(scriptTabs(playground)).toHaveText(['My draft']);
    expect(await playground.editorText()).toContain('from the v0 draft');
  });

  test('a deleted script is restored by Undo and from the recently deleted list', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open();
    await page.getByTestId('scripts.new').click();
    await expect(scriptTabs(playground)).toHaveCount(2);
    await typeAtEnd(playground, 'print("keep me")');

    await page.getByTestId('scripts.delete').nth(1).click();
    await expect(scriptTabs(playground)).toHaveCount(1);
    await page.getByTestId('toast.undo').click();
    await expect(scriptTabs(playground)).toHaveCount(2);
    await expect.poll(() => playground.editorText()).toContain('print("keep me")');

    await page.getByTestId('scripts.delete').nth(1).click();
    await expect(scriptTabs(playground)).toHaveCount(1);
    await page.reload();
    await expect(playground.editor).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('scripts.menu').click();
    const deleted = page.getByTestId('scripts.deleted');
    await expect(deleted).toContainText('Untitled');
    await deleted.getByRole('button', { name: 'Restore' }).click();
    await expect(scriptTabs(playground)).toHaveCount(2);
    await expect.poll(() => playground.editorText()).toContain('print("keep me")');
  });

  test('a permalink opens as a new script, once', async ({ playground }) => {
    const { page } = playground;
    await playground.open();
    await typeAtEnd(playground, '-- mine');
    // A new document: a change of the hash alone is not a new visit.
    await page.goto('about:blank');
    await playground.open({ code: 'print("shared")' });
    await expect(scriptTabs(playground)).toHaveText(['Untitled', 'Shared link']);
    await expect.poll(() => playground.editorText()).toContain('print("shared")');
    await page.reload();
    await expect(playground.editor).toBeVisible({ timeout: 30_000 });
    await expect(scriptTabs(playground)).toHaveCount(2);
    await scriptTabs(playground).first().click();
    await expect.poll(() => playground.editorText()).toContain('-- mine');
  });

  test('two tabs of the playground share the scripts', async ({ playground, context }) => {
    await playground.open();
    const other = await context.newPage();
    await other.goto('/');
    await expect(other.getByTestId('scripts.tab')).toHaveCount(1, { timeout: 30_000 });
    await playground.page.getByTestId('scripts.new').click();
    await typeAtEnd(playground, '-- made in the first tab');
    // The second tab takes the new script in instead of overwriting it with its own list.
    await expect(other.getByTestId('scripts.tab')).toHaveCount(2);
    await other.getByTestId('scripts.new').click();
    await expect(scriptTabs(playground)).toHaveCount(3);
    await other.reload();
    await expect(other.getByTestId('scripts.tab')).toHaveCount(3, { timeout: 30_000 });
  });

  test('says so when the browser refuses to save the scripts', async ({ playground }) => {
    await playground.page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'lua-playground.scripts.v1')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await playground.open();
    await typeAtEnd(playground, '-- not saved');
    await expect(playground.page.getByTestId('notice')).toContainText(
      'Your scripts are not being saved: browser storage is full',
    );
  });

  test('exports the open script as a .lua file and imports one', async ({ playground }) => {
    const { page } = playground;
    await playground.open({ code: 'print("exported")' });
    await page.getByTestId('scripts.menu').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('scripts.export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('Shared-link.lua');
    expect(readFileSync((await download.path())!, 'utf8')).toBe('print("exported")');

    await page.getByTestId('scripts.import-file').setInputFiles({
      name: 'from-disk.lua',
      mimeType: 'text/x-lua',
      buffer: Buffer.from('print("imported ✓")'),
    });
    await expect(scriptTabs(playground).last()).toHaveText('from-disk');
    await expect(scriptTabs(playground).last()).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => playground.editorText()).toContain('imported ✓');
    await playground.runAndWait();
    await playground.expectOutput('imported ✓');
  });
});
