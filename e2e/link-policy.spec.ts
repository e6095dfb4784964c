/**
 * Audit M3: a `&policy=` that arrives with a link applies to this page's runs, is shown in a
 * banner, and never replaces the saved policy without a click. And who may frame the pages:
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

test("a link's policy applies beside the saved one, shown in a banner", async ({ playground }) => {
  const { page } = playground;
  await playground.open({ code: CONNECT, policyJson: DENY_ALL });
  await expect(page.getByTestId('policy.link-banner')).toBeVisible();
  await playground.runAndWait();
  await playground.expectOutput('PermissionDenied');
  expect(await savedPolicies(page)).toEqual([]);

  // "Use my policy": the banner goes, the person's (default) policy allows the connection.
  await page.getByTestId('policy.link-dismiss').click();
  await expect(page.getByTestId('policy.link-banner')).toHaveCount(0);
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
