/**
 * /docs/websocket: the module's reference, generated from the API description like the
 * README's, with every gallery example embedded (upgraded from a plain Lua code block) and
 * running to its expected output by a click.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { comparableOutput } from '../src/examples/manifest.ts';

const manifest = JSON.parse(
  readFileSync(new URL('../public/examples/index.json', import.meta.url), 'utf8'),
) as { examples: { name: string; expected: string[] }[] };

test('the page holds the reference and one widget per example', async ({ page }) => {
  await page.goto('/docs/websocket');
  await expect(page.locator('h4', { hasText: 'websocket.connect(url [, options])' })).toBeVisible();
  await expect(page.locator('table').first()).toBeVisible();
  await expect(page.locator('section.example lua-playground')).toHaveCount(
    manifest.examples.length,
  );
  await expect(page.locator('iframe')).toHaveCount(0);
});

for (const example of manifest.examples) {
  test(`${example.name} runs in the docs page`, async ({ page }) => {
    await page.goto('/docs/websocket');
    const section = page.locator(`#example-${example.name}`);
    // Hovering makes the widget's frame; the click then goes to the frame's own Run, which the
    // reader sees once it has loaded (the placeholder's click path is embed-kit.spec.ts's).
    await section.hover();
    const frame = page.frameLocator(`#example-${example.name} iframe`);
    await expect(frame.getByTestId('toolbar.run')).toBeEnabled({ timeout: 15_000 });
    await frame.getByTestId('toolbar.run').click();
    await expect(frame.getByTestId('run.status')).toHaveText('finished', { timeout: 25_000 });
    // The page runs the default dialect, `wippy`; the snippets hold in both (manifest.ts).
    const output = frame.getByTestId('console.output');
    for (const snippet of example.expected)
      await expect.poll(async () => comparableOutput(await output.innerText())).toContain(snippet);
  });
}
