/**
 * Every text on the main page is at least WCAG AA contrast (4.5:1, 3:1 for large text) in
 * both themes, measured by axe-core's color-contrast rule, injected from node_modules.
 */
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { test, expect } from './fixtures.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Failure {
  target: string;
  summary: string;
}

async function contrastFailures(page: Page): Promise<Failure[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  // Colours mid-transition are neither state's (a button enabled as the run ends fades in
  // over 120 ms): measure what stays on screen. Transitions only (a running process's pulse
  // never finishes); a cancelled one is over too.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  return page.evaluate(async () => {
    type Axe = { run(context: Document, options: object): Promise<AxeResults> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { runOnly: ['color-contrast'] });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    );
  });
}

for (const colorScheme of ['dark', 'light'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    // The page's CSP (script-src 'self') would refuse the injected axe script tag.
    test.use({ colorScheme, bypassCSP: true });

    test('every text on the main page passes WCAG AA contrast', async ({ playground }) => {
      const { page } = playground;
      await playground.open();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      await playground.runAndWait();
      const failures: Record<string, Failure[]> = {};
      failures.inspector = await contrastFailures(page);
      for (const tab of ['policy', 'examples', 'reference'] as const) {
        await playground.openTab(tab);
        failures[tab] = await contrastFailures(page);
      }
      expect(failures).toEqual({ inspector: [], policy: [], examples: [], reference: [] });
    });

    test('a project run passes too: file tabs, processes, pids, messages', async ({
      playground,
    }) => {
      const { page } = playground;
      await playground.open({ example: 'worker-pool' });
      await playground.run.click();
      // A crashed worker (a failed card), its restart, and live ones waiting.
      await expect(playground.output).toContainText('died, restarting', { timeout: 20_000 });
      const failures: Record<string, Failure[]> = {};
      await playground.openTab('processes');
      await expect(
        page.locator('[data-testid="processes.process"][data-state="failed"]'),
      ).not.toHaveCount(0);
      failures.processes = await contrastFailures(page);
      await playground.openTab('inspector');
      await expect(page.getByTestId('inspector.message')).not.toHaveCount(0);
      failures.inspector = await contrastFailures(page);
      await playground.stop.click();
      await expect(playground.status).toHaveText('idle', { timeout: 15_000 });
      await playground.openTab('processes');
      failures.ended = await contrastFailures(page);
      expect(failures).toEqual({ processes: [], inspector: [], ended: [] });
    });

    test('the timeline with messages, a message detail and the input line pass too', async ({
      playground,
    }) => {
      const { page } = playground;
      await playground.open({ example: 'echo-service' });
      await playground.run.click();
      await expect(page.getByTestId('console.input-hint')).toHaveText(
        'app:cli is waiting for input',
      );
      await page.getByTestId('console.input').fill('contrast');
      await page.getByTestId('console.input').press('Enter');
      await playground.expectOutput('CONTRAST');
      await expect(page.getByTestId('console.input-hint')).toHaveText(
        'app:cli is waiting for input',
      );
      const exit = page.getByTestId('inspector.message').filter({ hasText: 'EXIT' });
      await exit.click();
      await expect(page.getByTestId('inspector.message-detail')).toBeVisible();
      const failures = await contrastFailures(page);
      await playground.stop.click();
      await expect(playground.status).toHaveText('idle', { timeout: 15_000 });
      expect(failures).toEqual([]);
    });

    test('the phone layout passes too', async ({ playground }) => {
      const { page } = playground;
      await page.setViewportSize({ width: 390, height: 844 });
      await playground.open();
      await playground.runAndWait();
      const failures: Record<string, Failure[]> = {};
      for (const pane of ['console', 'inspector', 'code'] as const) {
        await page.getByTestId(`pane.${pane}`).click();
        failures[pane] = await contrastFailures(page);
      }
      expect(failures).toEqual({ console: [], inspector: [], code: [] });
    });
  });
}
