/**
 * The inspector's timeline with process messages (issue 21's "messages in the inspector's
 * timeline"): a script's frames and the message it sends itself in one list by time, a message's
 * payload as a JSON tree, the Show menu and a connection card narrowing the list, an earlier
 * run's messages in the run picker, the arrow keys; and the console's input line only once a
 * process asks for input.
 */
import { test, expect, artifact } from './fixtures.ts';
import { Timeline } from './pages/timeline.ts';

// Frames, then a message the script sends itself, then frames again: the order the timeline
// must show, whatever the batches.
const FRAMES_AND_A_MESSAGE = `
local c = assert(websocket.connect("wss://api.example.com/ws"))
local ch = c:channel()
c:send("first frame")
print("echo:", ch:receive().data)
local inbox = process.inbox()
process.send(process.pid(), "note", { step = 1, items = { "a", "b" } })
local msg = inbox:receive()
print("note:", msg:topic())
c:send("second frame")
print("echo:", ch:receive().data)
c:close()
`;

test.describe('process messages in the timeline', () => {
  test('interleave with frames by time; a message opens with its payload as a JSON tree', async ({
    playground,
  }) => {
    const { page } = playground;
    const timeline = new Timeline(page);
    await playground.open({ code: FRAMES_AND_A_MESSAGE });
    await playground.runAndWait();
    await playground.expectOutput('echo:\tfirst frame', 'note:\tnote', 'echo:\tsecond frame');

    await expect(timeline.messages).toHaveCount(1);
    // The close frames follow; the order up to them is the script's.
    expect((await timeline.kinds()).slice(0, 5)).toEqual([
      'frame first frame',
      'frame first frame',
      'message note',
      'frame second frame',
      'frame second frame',
    ]);
    await expect(page.getByTestId('inspector.message-count')).toHaveText('1 message');

    await timeline.messages.first().click();
    await expect(timeline.messageDetail).toContainText('send');
    await expect(timeline.messageDetail.getByTestId('inspector.message-route')).toContainText(
      '{app:terminal|',
    );
    const tree = timeline.messageDetail.getByTestId('inspector.json-pretty');
    await expect(tree).toContainText('"step": 1');
    await expect(tree).toContainText('"a"');
    await page.screenshot({ path: artifact('process-timeline') });

    // Messages only, then frames only; a connection card shows its frames and says the
    // messages are hidden.
    await timeline.show.selectOption('messages');
    await expect(timeline.frames).toHaveCount(0);
    await expect(timeline.messages).toHaveCount(1);
    await timeline.show.selectOption('frames');
    await expect(timeline.messages).toHaveCount(0);
    await expect(page.getByTestId('inspector.messages-hidden')).toHaveText('1 message hidden');
    await timeline.show.selectOption('all');
    await expect(timeline.messages).toHaveCount(1);
    await page.getByTestId('inspector.connection').first().locator('.conn-head').click();
    await expect(timeline.show).toHaveValue('#1');
    await expect(timeline.messages).toHaveCount(0);
    await expect(page.getByTestId('inspector.messages-hidden')).toBeVisible();
    await timeline.show.selectOption('all');
    await expect(timeline.messages).toHaveCount(1);
  });

  test('the arrow keys pick rows; Escape closes the detail', async ({ playground }) => {
    const { page } = playground;
    const timeline = new Timeline(page);
    await playground.open({ code: FRAMES_AND_A_MESSAGE });
    await playground.runAndWait();
    await expect(timeline.messages).toHaveCount(1);
    await timeline.list.focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('inspector.frame-detail')).toContainText('first frame');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(timeline.messageDetail).toContainText('note');
    await expect(timeline.messages.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(timeline.messageDetail).toHaveCount(0);
  });

  test('a flood of messages stays virtualized and says what it dropped', async ({ playground }) => {
    const { page } = playground;
    const timeline = new Timeline(page);
    await playground.open({
      code: `
local inbox = process.inbox()
for i = 1, 13000 do
  process.send(process.pid(), "n", i)
  inbox:receive()
end
print("sent")
`,
    });
    await playground.runAndWait('finished', 40_000);
    await expect(page.getByTestId('inspector.messages-dropped')).toContainText(
      'older messages dropped; keeping the last 10,000.',
    );
    await expect(timeline.messages.last()).toContainText('13000');
    expect(await timeline.messages.count()).toBeLessThan(200);
  });

  test('an earlier run keeps its messages in the run picker', async ({ playground }) => {
    const { page } = playground;
    const timeline = new Timeline(page);
    await playground.open({ example: 'echo-service' });
    await playground.run.click();
    await playground.expectOutput('Echo client: type a line');
    const input = page.getByTestId('console.input');
    await input.fill('first run');
    await input.press('Enter');
    await playground.expectOutput('FIRST RUN');
    await input.fill('');
    await input.press('Enter');
    await expect(playground.status).toHaveText('finished', { timeout: 15_000 });

    await playground.openTab('inspector');
    const echoed = timeline.messages.filter({ hasText: 'echo_response' });
    await expect(echoed).toHaveCount(1);
    await echoed.click();
    await expect(timeline.messageDetail.getByTestId('inspector.json-pretty')).toContainText(
      '"FIRST RUN"',
    );

    // A second run: the first one's messages stay in the history.
    await playground.run.click();
    await playground.expectOutput('Echo client: type a line');
    await input.fill('');
    await input.press('Enter');
    await expect(playground.status).toHaveText('finished', { timeout: 15_000 });
    await expect(timeline.messages.filter({ hasText: 'echo_response' })).toHaveCount(0);
    const picker = page.getByTestId('inspector.run-select');
    await picker.selectOption({ label: (await picker.locator('option').nth(1).textContent())! });
    await expect(page.getByTestId('inspector.past-run')).toContainText('an earlier run');
    await expect(timeline.messages.filter({ hasText: 'echo_response' })).toHaveCount(1);
  });
});

test.describe('the console input line', () => {
  test('appears when a process asks for input and names it while it waits', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open({
      code: `
local io = require("io")
print("asking")
local line = io.readline()
print("got " .. line)
`,
    });
    await playground.run.click();
    await playground.expectOutput('asking');
    await expect(page.getByTestId('console.input-hint')).toHaveText(
      'app:main is waiting for input',
    );
    await page.getByTestId('console.input').fill('typed');
    await page.getByTestId('console.input').press('Enter');
    await playground.expectOutput('got typed');
    await expect(playground.status).toHaveText('finished');
    await expect(page.getByTestId('console.input')).toHaveCount(0);
  });

  test('stays away from a run that never reads: a websocket script, a project', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open({
      code: `
local c = assert(websocket.connect("wss://api.example.com/ws"))
print("connected")
c:channel():receive() -- nothing comes: the run waits until Stop
`,
    });
    await playground.run.click();
    await playground.expectOutput('connected');
    await expect(page.getByTestId('inspector.connection')).toHaveAttribute('data-state', 'open');
    await expect(page.getByTestId('console.input')).toHaveCount(0);
    await playground.stop.click();
    await expect(playground.status).toHaveText('idle', { timeout: 15_000 });

    // The worker pool runs until stopped and never reads the terminal.
    await playground.open({ example: 'worker-pool' });
    await playground.run.click();
    await playground.expectOutput('pool: started with 3 workers');
    await expect(page.getByTestId('console.input')).toHaveCount(0);
    await playground.stop.click();
    await expect(playground.status).toHaveText('idle', { timeout: 15_000 });
  });
});
