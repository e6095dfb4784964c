/**
 * The inspector's tools (issue 20): JSON frames pretty-printed with Raw and Copy, pong round
 * trips, the composer against the echo demo server, the run picker, and a failed run's
 * connections shown in their final state.
 */
import { test, expect, artifact } from './fixtures.ts';

const JSON_FRAME = `
local c = assert(websocket.connect("wss://api.example.com/ws"))
c:send('{"type":"data","payload":{"price":12345678901234567890,"tags":["a","b"]}}')
print("echo:", c:channel():receive().data)
assert(c:ping())
time.sleep("200ms")
c:close()
`;

test.describe('inspector tools', () => {
  test('shows a JSON frame pretty-printed and foldable, with Raw and Copy', async ({
    playground,
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await playground.open({ code: JSON_FRAME });
    await playground.runAndWait();
    const inspector = playground.inspector;
    await inspector
      .getByTestId('inspector.frame')
      .filter({ hasText: '"type":"data"' })
      .last()
      .click();
    const detail = inspector.getByTestId('inspector.frame-detail');
    const pretty = detail.getByTestId('inspector.json-pretty');
    await expect(pretty).toBeVisible();
    // Scalars as written (the big integer is not rounded), one value a line.
    await expect(pretty).toContainText('"price": 12345678901234567890');
    const payload = pretty.locator('details').nth(1);
    await expect(payload).toHaveAttribute('open', '');
    await payload.locator('summary').first().click();
    await expect(payload).not.toHaveAttribute('open', '');
    await expect(payload.locator('summary').first()).toContainText('{2}');

    await page.screenshot({ path: artifact('inspector-json-pretty') });
    await detail.getByTestId('inspector.frame-copy').click();
    await expect(detail.getByRole('status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('\n  "payload": {\n    "price": 12345678901234567890,');

    await detail.getByTestId('inspector.frame-raw').click();
    await expect(detail.getByTestId('inspector.frame-body')).toHaveText(
      '{"type":"data","payload":{"price":12345678901234567890,"tags":["a","b"]}}',
    );
    await expect(pretty).toHaveCount(0);
  });

  test('shows the round trip of a ping on its pong', async ({ playground }) => {
    await playground.open({ code: JSON_FRAME });
    await playground.runAndWait();
    const pong = playground.inspector.getByTestId('inspector.frame').filter({ hasText: 'pong' });
    await expect(pong.getByTestId('inspector.frame-rtt')).toHaveText(/^rtt \d+ ms$/);
  });

  test('sends a composer message to the echo server and shows it coming back', async ({
    playground,
  }) => {
    await playground.open({
      code: `
local c = assert(websocket.connect("wss://api.example.com/ws"))
print("waiting for the composer")
local m = c:channel():receive()
print("got:", m.type, m.data)
local b = c:channel():receive()
print("bytes:", string.byte(b.data, 1, -1))
c:close()
`,
    });
    await playground.run.click();
    await playground.expectOutput('waiting for the composer');
    const composer = playground.inspector.getByTestId('inspector.composer');
    await composer.getByTestId('inspector.composer-format').selectOption('json');
    await composer.getByTestId('inspector.composer-text').fill('{"hello": ');
    await composer.getByTestId('inspector.composer-send').click();
    await expect(composer.getByTestId('inspector.composer-note')).toContainText('not valid JSON');
    await composer.getByTestId('inspector.composer-text').fill('{"hello": "composer"}');
    await composer.getByTestId('inspector.composer-send').click();
    await playground.expectOutput('got:\ttext\t{"hello": "composer"}');
    await playground.page.screenshot({ path: artifact('inspector-composer') });
    await composer.getByTestId('inspector.composer-format').selectOption('hex');
    await composer.getByTestId('inspector.composer-text').fill('01 ff');
    await composer.getByTestId('inspector.composer-text').press('Control+Enter');
    await playground.expectOutput('bytes:\t1\t255');
    await expect(playground.status).toHaveText('finished');
    const frames = playground.inspector.getByTestId('inspector.frame');
    const composed = frames.filter({ has: playground.page.locator('.frame-composed') });
    await expect(composed).toHaveCount(2);
    await expect(frames.filter({ hasText: '{"hello": "composer"}' })).toHaveCount(2);
    // Once the run is over there is nothing to send to.
    await expect(composer).toHaveCount(0);
  });

  test('keeps the previous run selectable, with its own frames', async ({ playground }) => {
    await playground.open({
      code: `
local c = assert(websocket.connect("wss://api.example.com/ws"))
c:send("hello")
c:channel():receive()
c:close()
`,
    });
    await playground.runAndWait();
    await playground.runAndWait();
    const picker = playground.inspector.getByTestId('inspector.run-select');
    await expect(picker.locator('option')).toHaveCount(2);
    await expect(picker.locator('option').first()).toContainText('Run #2');
    await expect(picker.locator('option').first()).toContainText('(current)');
    await picker.selectOption({ label: (await picker.locator('option').nth(1).textContent())! });
    await expect(playground.inspector.getByTestId('inspector.past-run')).toContainText('Run #1');
    await expect(playground.inspector.getByTestId('inspector.frame-count')).toHaveText('4 frames');
    await expect(playground.inspector.getByTestId('inspector.export-json')).toBeEnabled();
  });

  test('shows no CLOSING connection after a run that failed with a connection open', async ({
    playground,
  }) => {
    await playground.open({
      code: `
local c = assert(websocket.connect("wss://api.example.com/ws"))
c:send("hi")
c:channel():receive()
error("boom with a connection open")
`,
    });
    await playground.runAndWait('error');
    const card = playground.inspector.getByTestId('inspector.connection');
    await expect(card).toHaveAttribute('data-state', 'closed');
    await expect(card.getByTestId('inspector.close-code')).toHaveText('1001');
    await expect(playground.inspector.getByText('closing', { exact: true })).toHaveCount(0);
  });
});
