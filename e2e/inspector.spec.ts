import { test, expect, artifact } from './fixtures.ts';

// Pinned to Lua 5.3: this spec tests the inspector, and its expectations are Lua 5.3's print (tab-
// joined, `true`); the platform's print is tested in dialect.spec.ts.

const TRAFFIC = `
local client = assert(websocket.connect("wss://api.example.com/ws"))
client:send("hello inspector")
client:send(string.char(0, 1, 2, 255), websocket.BINARY)
local ch = client:channel()
print("text echo:", ch:receive().data)
print("binary echo bytes:", #ch:receive().data)
client:close(4001, "inspected")
print("closed:", client:close_info())
`;

test.describe('connections inspector', () => {
  test('shows the connection, its frames and the close code', async ({ playground }) => {
    await playground.open({ code: TRAFFIC, dialect: 'lua53' });
    await playground.runAndWait();
    await playground.expectOutput(
      'text echo:\thello inspector',
      'binary echo bytes:\t4',
      'closed:\t4001',
    );
    const inspector = playground.inspector;
    await expect(inspector).toBeVisible();
    const card = inspector.getByTestId('inspector.connection').first();
    await expect(card).toContainText('wss://api.example.com/ws');
    await expect(card).toContainText('4001');
    await expect(card).toContainText('inspected');
    await expect(card).toHaveAttribute('data-state', 'closed');
    const frames = inspector.getByTestId('inspector.frame');
    await expect(frames.filter({ hasText: 'hello inspector' })).toHaveCount(2); // sent and echoed
    await frames.filter({ hasText: '00 01 02 ff' }).first().click();
    await expect(inspector.getByTestId('inspector.frame-detail')).toContainText(
      '0000  00 01 02 ff',
    );
    await inspector.getByTestId('inspector.filter').fill('hello');
    await expect(frames).toHaveCount(2);
    await playground.page.screenshot({ path: artifact('inspector') });
  });

  test('stays responsive with 50,000 frames (virtualized)', async ({ playground }) => {
    test.setTimeout(90_000);
    await playground.open({
      code: `
local client = assert(websocket.connect("wss://api.example.com/ws", { channel_capacity = 10000 }))
local ch = client:channel()
local N = 25000
coroutine.spawn(function()
  for i = 1, N do client:send("m" .. i) end
end)
for i = 1, N do ch:receive() end
print("received", N)
client:close()
`,
      dialect: 'lua53',
    });
    await playground.runAndWait('finished', 75_000);
    await playground.expectOutput('received\t25000');
    const count = playground.inspector.getByTestId('inspector.frame-count');
    await expect(count).toContainText('50,00'); // 50,000 data frames, plus the close frames
    // Only the rows in view are in the DOM.
    expect(await playground.inspector.getByTestId('inspector.frame').count()).toBeLessThan(200);
    const started = Date.now();
    await playground.openTab('examples');
    await expect(playground.page.getByTestId('examples.panel')).toBeVisible();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
