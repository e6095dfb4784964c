/**
 * Layouts: the light theme and the Auto/Light/Dark choice (Monaco follows), and the phone
 * layout: one column at 390x844 with no horizontal overflow and Run in reach.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

test.describe('themes', () => {
  test.use({ colorScheme: 'light' });

  test('a light system gives the light theme, and the choice switches it', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open();
    expect(await theme(page)).toBe('light');
    const body = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await body()).toBe('rgb(238, 240, 243)');
    await expect(playground.editor).toHaveClass(/\bvs\b/);

    await page.getByTestId('toolbar.settings').click();
    await page.getByTestId('settings.theme.dark').check();
    expect(await theme(page)).toBe('dark');
    await expect(playground.editor).toHaveClass(/\bvs-dark\b/);
    expect(await body()).toBe('rgb(24, 24, 24)');

    // The choice is kept; Auto goes back to following the system.
    await page.reload();
    await expect(playground.editor).toHaveClass(/\bvs-dark\b/, { timeout: 30_000 });
    await page.getByTestId('toolbar.settings').click();
    await page.getByTestId('settings.theme.auto').check();
    expect(await theme(page)).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => theme(page)).toBe('dark');
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('one column, no horizontal overflow, Run in reach', async ({ playground }) => {
    const { page } = playground;
    await playground.open({ code: 'print("from the phone")' });
    const overflow = () =>
      page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        app: document.querySelector('.app')!.scrollWidth,
        width: window.innerWidth,
      }));
    const fits = async () => {
      const o = await overflow();
      expect(o.page, 'document wider than the screen').toBeLessThanOrEqual(o.width);
      expect(o.app, 'shell wider than the screen').toBeLessThanOrEqual(o.width);
    };
    await fits();
    const run = await playground.run.boundingBox();
    expect(run!.x + run!.width).toBeLessThanOrEqual(390);
    await expect(playground.run).toBeInViewport({ ratio: 1 });
    await expect(playground.stop).toBeInViewport({ ratio: 1 });

    await playground.run.click();
    // Run shows the console on a phone.
    await expect(page.getByTestId('pane.console')).toHaveAttribute('aria-pressed', 'true');
    await expect(playground.output).toContainText('from the phone');
    await expect(playground.editor).toBeHidden();

    for (const pane of ['inspector', 'policy', 'code'] as const) {
      await page.getByTestId(`pane.${pane}`).click();
      await fits();
      await expect(playground.run).toBeInViewport({ ratio: 1 });
    }
    await expect(playground.editor).toBeVisible();
    await page.getByTestId('pane.policy').click();
    await expect(playground.policy).toBeVisible();
  });
});
