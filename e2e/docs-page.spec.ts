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
) as { examples: { name: string; expected: string[]; project?: unknown }[] };
/** The single-script examples, each a widget; the process tutorials are projects. */
const scripts = manifest.examples.filter((e) => !e.project);
const tutorials = manifest.examples.filter((e) => e.project);

test('the page holds the reference and one widget per example', async ({ page }) => {
  await page.goto('/docs/websocket');
  await expect(page.locator('h4', { hasText: 'websocket.connect(url [, options])' })).toBeVisible();
  await expect(page.locator('table').first()).toBeVisible();
  await expect(page.locator('section.example lua-playground')).toHaveCount(scripts.length);
  await expect(page.locator('iframe')).toHaveCount(0);
});

test('the page opens with a runnable example before the tables', async ({ page }) => {
  await page.goto('/docs/websocket');
  const quickStart = page.locator('#quick-start');
  const [startTop, tableTop] = await Promise.all([
    quickStart.evaluate((el) => el.getBoundingClientRect().top),
    page
      .locator('table')
      .first()
      .evaluate((el) => el.getBoundingClientRect().top),
  ]);
  expect(startTop).toBeLessThan(tableTop);
  await quickStart.hover();
  const frame = page.frameLocator('#quick-start iframe');
  await expect(frame.getByTestId('toolbar.run')).toBeEnabled({ timeout: 15_000 });
  await frame.getByTestId('toolbar.run').click();
  await expect(frame.getByTestId('run.status')).toHaveText('finished', { timeout: 25_000 });
  await expect(frame.getByTestId('console.output')).toContainText('echo:\t{"');
});

test('the process tutorials open as projects in the playground', async ({ page }) => {
  expect(tutorials.length).toBeGreaterThan(0);
  for (const tutorial of tutorials) {
    await page.goto('/docs/websocket');
    const section = page.locator(`#example-${tutorial.name}`);
    await expect(section.locator('lua-playground')).toHaveCount(0);
    await section.getByRole('link', { name: 'Open in the playground' }).click();
    await expect(page.getByTestId('project.bar')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('project.entry')).not.toHaveValue('');
  }
});

for (const example of scripts) {
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
