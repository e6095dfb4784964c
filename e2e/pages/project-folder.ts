/** Opening a project in the page from files written in a test, as a folder import does. */
import type { PlaygroundPage } from './playground-page.ts';

/** Import a folder as `<input webkitdirectory>` hands it over: each file with its path. */
export async function importFolder(
  playground: PlaygroundPage,
  folder: Record<string, string>,
): Promise<void> {
  await playground.page.evaluate((entries) => {
    const input = document.querySelector<HTMLInputElement>(
      '[data-testid="projects.import-folder-files"]',
    )!;
    const list = new DataTransfer();
    for (const [path, text] of entries) {
      const file = new File([text], path.split('/').pop()!);
      Object.defineProperty(file, 'webkitRelativePath', { value: path });
      list.items.add(file);
    }
    Object.defineProperty(input, 'files', { value: list.files });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, Object.entries(folder));
}
