/**
 * Issue 19, "no blank page": the second security review's hostile inputs through the page.
 * Bad session files are refused with the first bad field named and the app stays up (audit 2,
 * L2); hostile `&policy=` links (a catastrophic regular expression, 40,000 keys, a 100,000-deep
 * actor.meta) leave the page answering (M1, L1, I5).
 */
import type { Page } from '@playwright/test';
import { test, expect, codeHash } from './fixtures.ts';

const conn = (extra: Record<string, unknown>, frames: unknown[] = []) => ({
  id: 1,
  url: 'wss://x.test/',
  routedUrl: 'wss://x.test/',
  state: 'closed',
  transport: 'relay',
  transportWhy: 'relay',
  protocol: '',
  extensions: '',
  frames,
  ...extra,
});
const session = (connection: unknown) =>
  JSON.stringify({
    format: 'lua-playground-session',
    version: 1,
    startedAt: 1,
    connections: [connection],
  });
const frame = { direction: 'in', type: 'binary', size: 1, time: 1, data: 'A', encoding: 'base64' };

const BAD_SESSIONS: [string, string, string][] = [
  ['state.json', session(conn({ state: { a: 1 } })), 'connections[0].state is none of'],
  ['why.json', session(conn({ transportWhy: 5 })), 'connections[0].transportWhy is not a string'],
  ['code.json', session(conn({ closeCode: { x: 1 } })), 'connections[0].closeCode is not a number'],
  ['b64.json', session(conn({}, [frame])), 'connections[0].frames[0].data is not base64'],
];

/** The app is mounted and its main thread answers. */
async function expectAlive(page: Page): Promise<void> {
  await expect(page.getByTestId('toolbar.run')).toBeVisible();
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
}

test('bad session files are refused by name and the app stays up', async ({ playground }) => {
  const { page, inspector } = playground;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await playground.open({ code: 'print("nothing")' });
  for (const [name, text, message] of BAD_SESSIONS) {
    await inspector.getByTestId('inspector.import-file').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect(inspector.getByTestId('inspector.import-error')).toContainText(
      `${name}: ${message}`,
    );
    await expectAlive(page);
  }
  expect(errors).toEqual([]);
});

const REDOS_POLICY = JSON.stringify({
  version: 2,
  registry:
    'version: "1.0"\nnamespace: app.security\nentries:\n  - name: p\n    kind: security.policy.expr\n' +
    '    policy:\n      actions: "*"\n      resources: "*"\n' +
    `      expression: 'resource == "" || resource matches "^(.|.|.)*!"'\n      effect: allow\n`,
  actor: { id: 'a', meta: {} },
  scope: { groups: [], policies: ['app.security:p'] },
  strict: false,
});
const CONNECT =
  'local c, err = websocket.connect("wss://api.example.com/ws")\nprint(err and err:kind() or "connected")\nif c then c:close() end';

test('a policy link with a catastrophic pattern is applied, decided and tested without freezing the page', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.open({ code: CONNECT, policyJson: REDOS_POLICY });
  await page.getByTestId('policy.link-apply').click();
  await playground.run.click();
  await playground.expectOutput('PermissionDenied');
  await expectAlive(page);
  // Saved: the policy panel's URL tester evaluates it on the main thread at every load.
  await page.getByTestId('policy.link-save').click();
  // A new load (a hash change alone would not reload the page).
  await page.goto('about:blank');
  await playground.open({ code: CONNECT });
  await playground.openTab('policy');
  await expectAlive(page);
});

/** Load the page from a link, without waiting for Monaco (it loads after the page). */
async function openLink(page: Page, policyJson: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(
    `/${codeHash('print(1)')}&policy=${Buffer.from(policyJson).toString('base64url')}`,
  );
}

test('policy links too large or too deep are refused with a notice, and the app stays up', async ({
  playground,
}) => {
  const { page } = playground;
  let keys = '';
  for (let i = 0; keys.length < 200_000; i++) keys += `k${i.toString(36)}:\n`;
  await openLink(page, keys);
  await expect(page.getByTestId('notice')).toContainText('more than 50000 YAML nodes');
  await expectAlive(page);

  const deep = `{"version":2,"registry":"","actor":{"id":"a","meta":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}`;
  await openLink(page, deep);
  await expect(page.getByTestId('notice')).toContainText('nests deeper than 32 levels');
  await expectAlive(page);
});
