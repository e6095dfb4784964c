import { test, expect } from './fixtures.ts';
import { demoConnections } from './demo-server.ts';
import { startCountingServer } from './counting-server.ts';

const CONNECT = `
local client, err = websocket.connect("wss://api.example.com/ws")
if err then
    print("kind:", err:kind())
    print("denied:", errors.is(err, errors.PERMISSION_DENIED))
    return
end
print("connected")
client:close()
`;

test.describe('policy panel', () => {
  test('a rule added in the panel denies the connection before any socket opens', async ({
    playground,
    request,
  }) => {
    await playground.open({ code: CONNECT });
    await playground.openTab('policy');
    const panel = playground.policy;
    await expect(panel).toBeVisible();
    const rules = panel.getByTestId('policy.rule');
    const before = await rules.count();
    await panel.getByTestId('policy.add-rule').click();
    await expect(rules).toHaveCount(before + 1);
    const rule = rules.last();
    await rule.getByTestId('policy.rule-effect').selectOption('deny');
    await rule.getByTestId('policy.rule-action').selectOption('websocket.connect.url');
    await rule.getByTestId('policy.rule-resource').fill('wss://api.example.com/*');

    await panel.getByTestId('policy.test-url').fill('wss://api.example.com/ws');
    await expect(panel.getByTestId('policy.decision')).toContainText('Denied');
    await expect(panel.getByTestId('policy.decision')).toContainText(`rule ${before + 1}`);

    const connectionsBefore = await demoConnections(request, 'echo');
    await playground.runAndWait();
    await playground.expectOutput('kind:\tPermissionDenied', 'denied:\ttrue');
    await expect(panel.getByTestId('policy.denied-item').first()).toContainText(
      'wss://api.example.com/ws',
    );
    expect(await demoConnections(request, 'echo')).toBe(connectionsBefore);

    // The rule was saved: a reload keeps it.
    await playground.page.reload();
    await playground.openTab('policy');
    await expect(playground.policy.getByTestId('policy.rule')).toHaveCount(before + 1);
  });

  test('a denied URL opens no socket: the server sees no connection', async ({ playground }) => {
    const server = await startCountingServer();
    try {
      const code = `local c, err = websocket.connect("${server.url}")\nif err then print("kind:", err:kind()) return end\nprint("connected")\nc:close()`;
      await playground.open({ code });
      // Control: direct transport (a loopback target), allowed by the default policy.
      await playground.page.getByTestId('toolbar.transport').selectOption('direct');
      await playground.runAndWait();
      await playground.expectOutput('connected');
      await expect.poll(() => server.connections()).toBe(1);

      await playground.openTab('policy');
      await playground.policy.getByTestId('policy.add-rule').click();
      await playground.policy
        .getByTestId('policy.rule-resource')
        .last()
        .fill('ws://127.0.0.1:*/count');
      await playground.runAndWait();
      await playground.expectOutput('kind:\tPermissionDenied');
      await playground.page.waitForTimeout(300);
      expect(server.connections()).toBe(1);
    } finally {
      await server.close();
    }
  });

  test('presets switch the whole policy and the URL tester explains the default', async ({
    playground,
  }) => {
    await playground.open();
    await playground.openTab('policy');
    const panel = playground.policy;
    await panel.getByTestId('policy.preset.deny-all').click();
    await expect(panel.getByTestId('policy.rule')).toHaveCount(0);
    await panel.getByTestId('policy.test-url').fill('wss://anything.example.org/');
    await expect(panel.getByTestId('policy.decision')).toContainText('denied by default');
    await panel.getByTestId('policy.preset.allow-all').click();
    await expect(panel.getByTestId('policy.decision')).toContainText('Allowed');
  });

  test('imports JSON and refuses a malformed policy with the reason', async ({ playground }) => {
    await playground.open();
    await playground.openTab('policy');
    const panel = playground.policy;
    await panel.getByTestId('policy.import-toggle').click();
    await panel
      .getByTestId('policy.import-text')
      .fill('{"version": 1, "default": "maybe", "rules": []}');
    await panel.getByTestId('policy.import-apply').click();
    await expect(panel.getByTestId('policy.import-error')).toBeVisible();
    await panel
      .getByTestId('policy.import-text')
      .fill(
        '{"version": 1, "default": "deny", "rules": [{"effect": "allow", "action": "websocket.connect"}]}',
      );
    await panel.getByTestId('policy.import-apply').click();
    await expect(panel.getByTestId('policy.rule')).toHaveCount(1);
    await expect(panel.getByTestId('policy.default')).toHaveValue('deny');
  });
});
