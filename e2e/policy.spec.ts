import { test, expect } from './fixtures.ts';
import { startCountingServer } from './counting-server.ts';

// Pinned to Lua 5.3: this spec tests the policy panel, and its expectations are Lua 5.3's print
// (tab-joined, `true`); the platform's print is tested in dialect.spec.ts.

/** A registry file as a project would have it: an actor condition, an allow and a deny. */
function registryFile(base: string): string {
  return `version: "1.0"
namespace: app.security

entries:
  - name: qa_may_connect
    kind: security.policy
    policy:
      actions: websocket.connect
      resources: "*"
      effect: allow
      conditions:
        - field: actor.meta.team
          operator: eq
          value: qa
    groups: [default]

  - name: counting_server
    kind: security.policy
    policy:
      actions: websocket.connect.url
      resources: "${base}/count*"
      effect: allow
    groups: [default]

  - name: no_other_paths
    kind: security.policy
    policy:
      actions: websocket.connect.url
      resources: "${base}/other"
      effect: deny
    groups: [default]

  - name: handler
    kind: function.lua
    source: file://handler.lua
`;
}

function twoConnections(base: string): string {
  return `for _, path in ipairs({"count", "other"}) do
    local c, err = websocket.connect("${base}/" .. path)
    if c then
        print(path, "connected")
        c:close()
    else
        print(path, err:kind(), err:message())
    end
end`;
}

test.describe('policy panel', () => {
  test('a pasted registry file with an actor condition allows one connection and denies the other', async ({
    playground,
  }) => {
    const server = await startCountingServer();
    try {
      const base = server.url.replace(/\/count$/, '');
      await playground.open({ code: twoConnections(base), dialect: 'lua53' });
      // Loopback targets go direct (the relay refuses them).
      await playground.page.getByTestId('toolbar.transport').selectOption('direct');
      await playground.openTab('policy');
      const panel = playground.policy;

      await panel.getByTestId('policy.import-toggle').click();
      await panel.getByTestId('policy.import-text').fill(registryFile(base));
      await panel.getByTestId('policy.import-apply').click();
      await expect(panel.getByTestId('policy.entry')).toHaveCount(3);
      await expect(panel).toContainText(
        'Kept and ignored (not policies): app.security:handler (function.lua)',
      );

      // The default actor is a developer, not in team qa: the condition fails, nothing opens.
      await playground.runAndWait();
      await playground.expectOutput('count\tPermissionDenied\twebsocket connections not allowed');
      await expect(panel.getByTestId('policy.denied-item').first()).toContainText(
        'condition actor.meta.team eq "qa" does not hold',
      );
      expect(server.connections()).toBe(0);

      await panel.getByTestId('policy.actor-meta').fill('{"team": "qa"}');
      await panel.getByTestId('policy.test-url').fill(`${base}/count`);
      await expect(panel.getByTestId('policy.decision')).toContainText(
        'allowed by app.security:counting_server',
      );
      await expect(panel.locator('.entry-item.is-deciding')).toContainText(
        'app.security:counting_server',
      );

      await playground.runAndWait();
      await playground.expectOutput(
        'count\tconnected',
        `other\tPermissionDenied\tnot allowed: ${base}/other`,
      );
      await expect(panel.getByTestId('policy.denied-item').first()).toContainText(`${base}/other`);
      await expect(panel.getByTestId('policy.denied-item').first()).toContainText(
        'denied by app.security:no_other_paths',
      );
      // The server saw the allowed connection and only that one.
      await expect.poll(() => server.connections()).toBe(1);
      await playground.page.waitForTimeout(300);
      expect(server.connections()).toBe(1);

      // Saved: a reload keeps the file and the actor.
      await playground.page.reload();
      await playground.openTab('policy');
      await expect(playground.policy.getByTestId('policy.entry')).toHaveCount(3);
      await expect(playground.policy.getByTestId('policy.actor-meta')).toHaveValue('{"team":"qa"}');
    } finally {
      await server.close();
    }
  });

  test('an error in the YAML shows at its line and the last good file stays in force', async ({
    playground,
  }) => {
    await playground.open();
    await playground.openTab('policy');
    const panel = playground.policy;
    const editor = panel.getByTestId('policy.yaml-editor');
    await expect(editor.locator('.view-lines')).toContainText('developers_connect');
    await editor.locator('.view-lines').click();
    await playground.page.keyboard.press('ControlOrMeta+Home');
    await playground.page.keyboard.press('End');
    await playground.page.keyboard.type(' oops: [');
    await expect(panel.getByTestId('policy.yaml-problems')).toContainText('line 1:');
    await expect(panel.getByTestId('policy.yaml-problems')).toContainText('Not applied');
    await expect(editor.locator('.squiggly-error').first()).toBeAttached();
    await expect(panel.getByTestId('policy.entry')).toHaveCount(2);
    await panel.getByTestId('policy.test-url').fill('ws://api.example.com:8080/admin');
    await expect(panel.getByTestId('policy.decision')).toContainText(
      'denied by app.security:deny_admin_paths',
    );
  });

  test('presets, the incomplete context and strict mode, explained by the URL tester', async ({
    playground,
  }) => {
    await playground.open();
    await playground.openTab('policy');
    const panel = playground.policy;
    const decision = panel.getByTestId('policy.decision');
    await panel.getByTestId('policy.preset.deny-all').click();
    await panel.getByTestId('policy.test-url').fill('wss://anything.example.org/');
    await expect(decision).toContainText('denied by app.security:deny_websocket');
    await panel.getByTestId('policy.preset.wss-only').click();
    await expect(decision).toContainText('allowed by app.security:allow_wss');
    await panel.getByTestId('policy.actor-enabled').uncheck();
    await expect(decision).toContainText('allowed: the security context has no actor');
    await panel.getByTestId('policy.strict').check();
    await expect(decision).toContainText('Denied');
    await expect(decision).toContainText('strict mode denies an incomplete context');
  });

  test('imports a version 1 JSON policy, converted with a notice for its glob, then a dropped registry file', async ({
    playground,
  }) => {
    await playground.open();
    await playground.openTab('policy');
    const panel = playground.policy;
    await panel.getByTestId('policy.import-toggle').click();
    await panel
      .getByTestId('policy.import-text')
      .fill('{"version": 1, "default": "maybe", "rules": []}');
    await panel.getByTestId('policy.import-apply').click();
    await expect(panel.getByTestId('policy.import-error')).toContainText(
      '"default" must be "allow" or "deny"',
    );
    await panel
      .getByTestId('policy.import-text')
      .fill(
        '{"version": 1, "default": "allow", "rules": [{"effect": "deny", "action": "websocket.connect.url", "resource": "wss://*.evil.example/*"}]}',
      );
    await panel.getByTestId('policy.import-apply').click();
    await expect(panel.getByTestId('policy.notices')).toContainText(
      'rule 1: the glob "wss://*.evil.example/*" has no platform pattern',
    );
    await expect(panel.getByTestId('policy.entry')).toHaveCount(2);
    await panel.getByTestId('policy.test-url').fill('wss://a.evil.example/x');
    await expect(panel.getByTestId('policy.decision')).toContainText(
      'denied by playground.policy:rule_1',
    );

    // A registry file dropped on the section replaces the entries and keeps the context.
    const dropped = await playground.page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], '_index.yaml', { type: 'application/yaml' }));
      return transfer;
    }, registryFile('ws://127.0.0.1:9'));
    await panel.getByTestId('policy.import-drop').dispatchEvent('drop', { dataTransfer: dropped });
    await expect(panel.getByTestId('policy.entry')).toHaveCount(3);
    await expect(panel.getByTestId('policy.actor-id')).toHaveValue('playground');
  });
});
