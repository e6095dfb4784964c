/**
 * The process screenshots in docs/screenshots/: the supervised worker pool running, with the
 * Processes panel (a crashed worker, its replacement) and the console's lines by pid, in both
 * themes; the echo service answering a line typed in the console's input line. Written by this spec (`npx playwright test e2e/process-screenshots.spec.ts`).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.ts';

const DIR = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

for (const colorScheme of ['dark', 'light'] as const) {
  test.describe(`${colorScheme} process screenshot`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 760 } });
    test(`worker pool with the process panel, ${colorScheme}`, async ({ playground }) => {
      const { page } = playground;
      await playground.open({ example: 'worker-pool' });
      await playground.run.click();
      await playground.openTab('processes');
      await expect(playground.output).toContainText('died, restarting (restart 1)', {
        timeout: 20_000,
      });
      mkdirSync(DIR, { recursive: true });
      await page.screenshot({ path: `${DIR}processes-${colorScheme}.png` });
      await playground.stop.click();
      await expect(playground.status).toHaveText('idle', { timeout: 15_000 });
    });
  });
}

test.describe('echo screenshot', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 1280, height: 760 } });
  test('echo service after a typed line, with its messages', async ({ playground }) => {
    const { page } = playground;
    await playground.open({ example: 'echo-service' });
    await playground.run.click();
    await playground.expectOutput('Echo client: type a line');
    await page.getByTestId('console.input').fill('hello from the page');
    await page.getByTestId('console.input').press('Enter');
    await playground.expectOutput('HELLO FROM THE PAGE');
    await page.getByTestId('project.file').filter({ hasText: 'relay.lua' }).click();
    await expect.poll(() => playground.editorText()).toContain('The relay: registers');
    mkdirSync(DIR, { recursive: true });
    await page.screenshot({ path: `${DIR}echo-service.png` });
    await playground.stop.click();
    await expect(playground.status).toHaveText('idle', { timeout: 15_000 });
  });
});
