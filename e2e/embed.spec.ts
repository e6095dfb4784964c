import { test, expect } from './fixtures.ts';

test('embed mode shows editor, Run and output only', async ({ playground }) => {
  await playground.open({ code: 'print("embedded")', embed: true });
  await expect(playground.run).toBeVisible();
  await expect(playground.output).toBeAttached();
  await expect(playground.inspector).toHaveCount(0);
  await expect(playground.policy).toHaveCount(0);
  await expect(playground.page.getByTestId('tab.examples')).toHaveCount(0);
  await playground.runAndWait();
  await playground.expectOutput('embedded');
});
