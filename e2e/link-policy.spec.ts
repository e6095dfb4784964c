/**
 * Audit M3 and audit 2 L3: a `&policy=` that arrives with a link is shown in a banner, applies
 * to this page's runs only after a click, and never replaces the saved policy without one. And who may frame the pages:
 * every served page names its allowed ancestors.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const DENY_ALL = JSON.stringify({ version: 1, default: 'deny', rules: [] });
const CONNECT =
  'local c, err = websocket.connect("wss://api.example.com/ws")\nprint(err and err:kind() or "connected")\nif c then c:close() end';

/** What this browser has saved under the policy's storage keys. */
const savedPolicies = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.includes('policy'))
      .map((k) => localStorage.getItem(k)),
  );

test("a link's policy is shown, and applies only after one click (audit 2, L3)", async ({
  playground,
}) => {
  const { page } = playground;
  await playground.open({ code: CONNECT, policyJson: DENY_ALL });
  const banner = page.getByTestId('policy.link-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-state', 'offered');
  await expect(page.getByTestId('policy.link-source')).toContainText('namespace:');

  // Not applied yet: the person's own (default) policy allows the connection.
  await playground.runAndWait();
  await expect(playground.output.locator('[data-stream="stdout"]').last()).toHaveText('connected');

  // One click applies it: the link's deny-all now governs the runs.
  await page.getByTestId('policy.link-apply').click();
  await expect(banner).toHaveAttribute('data-state', 'applied');
  await playground.runAndWait();
  await playground.expectOutput('PermissionDenied');
  expect(await savedPolicies(page)).toEqual([]);

  // "Use my policy": the banner goes, the person's policy applies again.
  await page.getByTestId('policy.link-dismiss').click();
  await expect(banner).toHaveCount(0);
  await playground.runAndWait();
  await expect(playground.output.locator('[data-stream="stdout"]').last()).toHaveText('connected');
  expect(await savedPolicies(page)).toEqual([]);
});

test("only a click saves a link's policy as the person's own", async ({ playground }) => {
  const { page } = playground;
  await playground.open({ code: CONNECT, policyJson: DENY_ALL });
  await page.getByTestId('policy.link-save').click();
  await expect(page.getByTestId('policy.link-banner')).toHaveCount(0);
  const saved = await savedPolicies(page);
  expect(saved).toHaveLength(1);
  // Saved: a reload without the link still denies.
  await playground.open({ code: CONNECT });
  await playground.runAndWait();
  await playground.expectOutput('PermissionDenied');
});

test('every served page says who may frame it', async ({ request }) => {
  for (const path of ['/', '/?embed=1', '/embed/frame', '/docs/websocket', '/embed.js']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp, path).toMatch(/frame-ancestors 'self' http:\/\/127\.0\.0\.1:\d+/);
    expect(csp, path).toContain("script-src 'self'");
    expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
  }
});
