/**
 * Process runs in Chromium (issue 21): a project's entry runs on the node in the worker, its
 * processes show in the Processes panel, console lines carry the pid of their process, the
 * messages between processes are in the inspector's timeline (e2e/process-timeline.spec.ts); the two process tutorials run end to end
 * (the echo service answers a line typed in the console's input line; the supervised pool
 * restarts a crashed worker and one terminated from the panel).
 */
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';

const processCards = (playground: PlaygroundPage) =>
  playground.page.getByTestId('processes.process');

async function newProject(playground: PlaygroundPage): Promise<void> {
  await playground.page.getByTestId('scripts.menu').click();
  await playground.page.getByTestId('projects.new').click();
  await expect(playground.page.getByTestId('project.file')).toHaveCount(3);
}

test.describe('processes', () => {
  test('a new project runs: its processes in the panel, lines by pid, messages in the inspector', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open();
    await newProject(playground);
    await playground.runAndWait('finished', 30_000);
    await playground.expectOutput('spawned {', 'answer: 42', 'worker exited: {');

    await playground.openTab('processes');
    await expect(processCards(playground)).toHaveCount(2);
    const worker = processCards(playground).filter({ hasText: 'app:worker' });
    await expect(worker).toHaveAttribute('data-state', 'exited');
    await expect(worker).toContainText('done');

    // The worker's own line carries its pid; the filter shows its lines only.
    const pid = (await worker.getAttribute('data-pid'))!;
    const workerLine = page.locator('.console-line', { hasText: 'says hello' });
    await expect(workerLine.locator('.console-pid')).toHaveAttribute('title', pid);
    await page.getByTestId('console.pid-filter').selectOption(pid);
    await expect(playground.output).toContainText('says hello');
    await expect(playground.output).not.toContainText('answer: 42');
    await page.getByTestId('console.pid-filter').selectOption('');

    await playground.openTab('inspector');
    const messages = page.getByTestId('inspector.message');
    await expect(messages.filter({ hasText: 'ask' })).toHaveCount(1);
    await expect(messages.filter({ hasText: 'EXIT' })).not.toHaveCount(0);
  });

  test('the echo service answers a line typed in the input line', async ({ playground }) => {
    const { page } = playground;
    await playground.open({ example: 'echo-service' });
    await expect(page.getByTestId('project.entry')).toHaveValue('app:cli');
    // The relay's file is a service's process (it starts with every run): opening it to read
    // leaves the entry alone.
    await page.getByTestId('project.file').filter({ hasText: 'relay.lua' }).click();
    await expect(page.getByTestId('project.entry')).toHaveValue('app:cli');
    await playground.run.click();
    await playground.expectOutput('Echo client: type a line');
    // The input line came with the client's first io.readline, and names it while it waits.
    await expect(page.getByTestId('console.input-hint')).toHaveText('app:cli is waiting for input');
    const input = page.getByTestId('console.input');
    await input.fill('hello world');
    await input.press('Enter');
    await playground.expectOutput('HELLO WORLD', 'from worker: {app:processes|');
    await input.fill('');
    await input.press('Enter');
    await expect(playground.status).toHaveText('finished', { timeout: 15_000 });
    await playground.expectOutput('Goodbye!');
    await expect(input).toHaveCount(0);
  });

  test('the supervised pool restarts a crashed worker and one terminated from the panel; Cancel ends one normally', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open({ example: 'worker-pool' });
    await expect(page.getByTestId('project.entry')).toHaveValue('app.supervisor:pool');
    await playground.run.click();
    await playground.expectOutput('pool: started with 3 workers', 'died, restarting (restart 1)');

    await playground.openTab('processes');
    // A crashed worker's card stays, failed, with its error; its replacement runs.
    await expect(
      page.locator('[data-testid="processes.process"][data-state="failed"]').first(),
    ).toContainText('crashed on job');

    const live = page.locator(
      '[data-testid="processes.process"][data-entry="app.workers:task_worker"]:not([data-state="failed"]):not([data-state="exited"])',
    );
    /** The pid of worker `id` as the pool printed it (workers 2 and 3 never crash by themselves). */
    const pidOf = async (id: number) =>
      new RegExp(`worker ${id} started as (\\{[^}]+\\})`).exec(
        await playground.output.innerText(),
      )![1];

    const pid = await pidOf(2);
    const before = await page.locator('.console-line', { hasText: 'died, restarting' }).count();
    const card = page.locator(`[data-testid="processes.process"][data-pid="${pid}"]`);
    await card.getByTestId('processes.terminate').click();
    await expect(card).toHaveAttribute('data-state', 'failed');
    await expect
      .poll(() => page.locator('.console-line', { hasText: 'died, restarting' }).count())
      .toBeGreaterThan(before);
    await playground.expectOutput('pool: worker 2 died, restarting');
    // Cancel asks: the worker handles its CANCEL event and returns normally (a normal exit
    // sends its links no LINK_DOWN, so the pool has nothing to restart).
    const askedCard = page.locator(
      `[data-testid="processes.process"][data-pid="${await pidOf(3)}"]`,
    );
    await askedCard.getByTestId('processes.cancel').click();
    await expect(askedCard).toHaveAttribute('data-state', 'exited');
    await expect(askedCard).toContainText('cancelled');
    await playground.expectOutput('worker 3 cancelled');
    // The failed cards can be hidden, leaving the live ones in view.
    await page.getByTestId('processes.show-ended').uncheck();
    await expect(
      page.locator('[data-testid="processes.process"][data-state="failed"]'),
    ).toHaveCount(0);
    await expect(live).not.toHaveCount(0);
    await page.getByTestId('processes.show-ended').check();
    await playground.openTab('inspector');
    await expect(
      page.getByTestId('inspector.message').filter({ hasText: 'LINK_DOWN' }),
    ).not.toHaveCount(0);

    await playground.stop.click();
    await expect(playground.status).toHaveText('idle', { timeout: 15_000 });
    await playground.openTab('processes');
    // Nothing looks alive after the run: no Terminate button is left.
    await expect(page.getByTestId('processes.terminate')).toHaveCount(0);
  });
});
