/**
 * Every gallery example runs to its expected output against the demo servers (demo hosts on,
 * default transport, default policy, the default dialect `wippy`; the snippets hold in both
 * dialects: src/examples/manifest.ts).
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { comparableOutput } from '../src/examples/manifest.ts';

interface Entry {
  name: string;
  title: string;
  expected: string[];
  /** Project examples have their own spec: e2e/processes.spec.ts. */
  project?: unknown;
}

const manifest = JSON.parse(
  readFileSync(new URL('../public/examples/index.json', import.meta.url), 'utf8'),
) as {
  examples: Entry[];
};

/** The start of the example's first line, up to its first non-ASCII character. */
function firstLine(name: string): string {
  const text = readFileSync(new URL(`../public/examples/${name}.lua`, import.meta.url), 'utf8');
  return text
    .split('\n')[0]
    .replace(/[^\x20-\x7e].*$/, '')
    .trim();
}

test.describe('examples gallery', () => {
  for (const example of manifest.examples.filter((e) => !e.project)) {
    test(`${example.name} runs to its expected output`, async ({ playground }) => {
      await playground.open({ example: example.name });
      await expect.poll(() => playground.editorText()).toContain(firstLine(example.name));
      await playground.runAndWait('finished', 25_000);
      for (const snippet of example.expected)
        await expect
          .poll(async () => comparableOutput(await playground.output.innerText()))
          .toContain(snippet);
    });
  }

  test('the gallery opens an example into the editor', async ({ playground }) => {
    await playground.open();
    await playground.openTab('examples');
    await playground.page.getByTestId('examples.receive-basic').click();
    await expect.poll(() => playground.editorText()).toContain('基本受信');
    await expect(playground.page).toHaveURL(/example=receive-basic/);
  });
});
