import { test, expect, artifact } from './fixtures.ts';

test('main page screenshot after running an example', async ({ playground }) => {
  await playground.open({ example: 'send-text' });
  await expect.poll(() => playground.editorText()).toContain('Hello, Server!');
  await playground.runAndWait();
  await playground.page.screenshot({ path: artifact('main') });
});

test('policy and examples screenshots', async ({ playground }) => {
  await playground.open();
  await playground.openTab('policy');
  await expect(playground.policy).toBeVisible();
  await playground.page.screenshot({ path: artifact('policy') });
  await playground.openTab('examples');
  await playground.page.screenshot({ path: artifact('examples') });
});
