/**
 * The Lua dialect in the page (issue 18): the same script under each dialect prints as that
 * dialect prints it, the console's run line names the dialect, the choice is kept in
 * localStorage and in the permalink (a reloaded link runs the same), and a link without a
 * dialect runs the product default, `wippy`.
 */
import { test, expect, codeHash } from './fixtures.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';

const SCRIPT = 'print(10/2, 1/3)';
/** Reference Lua 5.3: tab-joined, `%.14g`, an integral float keeps `.0`. */
const LUA53_OUTPUT = '5.0\t0.33333333333333';
/** The platform (platform-lua.md §1, rows print and number→text): one space, Go's shortest form. */
const WIPPY_OUTPUT = '5 0.3333333333333333';

function stdout(playground: PlaygroundPage) {
  return playground.output.locator('[data-stream="stdout"]');
}

function runLine(playground: PlaygroundPage) {
  return playground.output.locator('[data-stream="info"]', { hasText: /^Run #/ }).last();
}

test.describe('the Lua dialect', () => {
  test('Lua 5.3 chosen in the page prints as reference Lua 5.3, and says so', async ({
    playground,
  }) => {
    await playground.open({ code: SCRIPT });
    const dialect = playground.page.getByTestId('settings.dialect');
    await expect(dialect).toHaveValue('wippy');
    await dialect.selectOption('lua53');
    await playground.runAndWait();
    await expect(runLine(playground)).toContainText('Run #1 · Lua 5.3');
    await expect(stdout(playground)).toHaveText([LUA53_OUTPUT]);
  });

  test('Wippy Lua, the default, prints as the platform, and says so', async ({ playground }) => {
    await playground.open({ code: SCRIPT });
    await expect(playground.page.getByTestId('settings.dialect')).toHaveValue('wippy');
    await playground.runAndWait();
    await expect(runLine(playground)).toContainText('Run #1 · Wippy Lua');
    await expect(stdout(playground)).toHaveText([WIPPY_OUTPUT], { timeout: 3_000 });
  });

  test('the permalink keeps the dialect: the shared link reloads with it and prints the same', async ({
    playground,
    context,
  }) => {
    await playground.open({ code: SCRIPT });
    await playground.page.getByTestId('settings.types').selectOption('strict');
    await playground.page.getByTestId('settings.dialect').selectOption('lua53');
    // Type checking belongs to the typed dialect: the choice is kept but cannot change here.
    await expect(playground.page.getByTestId('settings.types')).toBeDisabled();
    await playground.page.getByTestId('toolbar.share').click();
    const url = await playground.page.getByTestId('share.url').inputValue();
    expect(url).toContain('&dialect=lua53');
    expect(url).toContain('&types=strict');

    // A reader whose own saved setting is the default opens the link: the link's dialect wins.
    const other = await context.newPage();
    await other.goto(url);
    await expect(other.getByTestId('settings.dialect')).toHaveValue('lua53');
    await expect(other.getByTestId('settings.types')).toHaveValue('strict');
    await other.getByTestId('toolbar.run').click();
    await expect(other.getByTestId('run.status')).toHaveText('finished');
    await expect(other.locator('[data-stream="stdout"]')).toHaveText([LUA53_OUTPUT]);

    // The same link reloaded: the same dialect and output.
    await other.reload();
    await expect(other.getByTestId('settings.dialect')).toHaveValue('lua53');
    await other.getByTestId('toolbar.run').click();
    await expect(other.getByTestId('run.status')).toHaveText('finished');
    await expect(other.locator('[data-stream="stdout"]')).toHaveText([LUA53_OUTPUT]);
  });

  test('the choice is saved; a link without a dialect still runs the default', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open();
    await page.getByTestId('settings.dialect').selectOption('lua53');
    await page.reload();
    await expect(page.getByTestId('settings.dialect')).toHaveValue('lua53');

    // `#code=` alone (how tests and documentation write links) says nothing of the dialect:
    // it runs the product default whatever the reader saved, so it runs the same for everyone.
    await page.goto('about:blank'); // a new document, not a hash change of the same one
    await page.goto(`/${codeHash(SCRIPT)}`);
    await expect(page.getByTestId('settings.dialect')).toHaveValue('wippy');
    await playground.runAndWait();
    await expect(runLine(playground)).toContainText('Wippy Lua');

    // The saved choice is untouched by having opened the link.
    await page.goto('/');
    await expect(page.getByTestId('settings.dialect')).toHaveValue('lua53');
  });

  test('a link naming a dialect this playground does not have is refused with a reason', async ({
    page,
  }) => {
    await page.goto(`/${codeHash(SCRIPT)}&dialect=lua54`);
    await expect(page.getByTestId('notice')).toContainText('"lua54"');
    await expect(page.getByTestId('notice')).toContainText('wippy or lua53');
  });
});
