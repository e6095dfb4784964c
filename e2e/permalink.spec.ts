import { test, expect, codeHash } from './fixtures.ts';

test.describe('permalinks', () => {
  test('opens #code= with non-ASCII source and runs it', async ({ playground }) => {
    const code = 'print("こんにちは, permalink ✓")';
    await playground.open({ code });
    expect(await playground.editorText()).toContain('permalink');
    await playground.runAndWait();
    await playground.expectOutput('こんにちは, permalink ✓');
  });

  test('round trip: edit, share, open the link in a new page', async ({ playground, context }) => {
    await playground.open({ code: 'print("original")' });
    await playground.editor.click();
    await playground.page.keyboard.press('Control+End');
    await playground.page.keyboard.press('Enter');
    await playground.page.keyboard.insertText('print("added line")');
    await playground.page.getByTestId('toolbar.share').click();
    const url = await playground.page.getByTestId('share.url').inputValue();
    expect(url).toContain('#code=');
    const code = Buffer.from(url.split('#code=')[1].split('&')[0], 'base64url').toString('utf8');
    expect(code).toBe('print("original")\nprint("added line")');

    const other = await context.newPage();
    await other.goto(url);
    await other.getByTestId('toolbar.run').click();
    await expect(other.getByTestId('run.status')).toHaveText('finished');
    await expect(other.getByTestId('console.output')).toContainText('original');
    await expect(other.getByTestId('console.output')).toContainText('added line');
  });

  test('carries a policy in &policy=', async ({ playground }) => {
    const policyJson = JSON.stringify({ version: 1, default: 'deny', rules: [] });
    const code =
      'local c, err = websocket.connect("wss://api.example.com/ws")\nprint(err and err:kind())';
    await playground.open({ code, policyJson });
    // Offered, then applied with the banner's one click (audit 2, L3).
    await playground.page.getByTestId('policy.link-apply').click();
    await playground.runAndWait();
    await playground.expectOutput('PermissionDenied');
  });

  test('reports a damaged link instead of running something else', async ({ page }) => {
    await page.goto(`/${codeHash('x').replace('code=', 'v=99&code=')}`);
    await expect(page.getByTestId('notice')).toContainText('newer');
  });
});
