/**
 * The screenshots in docs/screenshots/: the main page after a run in both themes, and the
 * phone layout. Written by this spec (`npx playwright test e2e/shell-screenshots.spec.ts`).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';

const DIR = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

async function afterRun(playground: PlaygroundPage): Promise<void> {
  await playground.open();
  await playground.runAndWait();
  await expect(playground.output).toContainText('echo:');
}

for (const colorScheme of ['dark', 'light'] as const) {
  test.describe(`${colorScheme} screenshot`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 760 } });
    test(`main page, ${colorScheme}`, async ({ playground }) => {
      await afterRun(playground);
      mkdirSync(DIR, { recursive: true });
      await playground.page.screenshot({ path: `${DIR}${colorScheme}.png` });
    });
  });
}

test.describe('phone screenshot', () => {
  test.use({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  test('phone layout, console after a run', async ({ playground }) => {
    await afterRun(playground);
    mkdirSync(DIR, { recursive: true });
    await playground.page.screenshot({ path: `${DIR}phone.png` });
  });
});
