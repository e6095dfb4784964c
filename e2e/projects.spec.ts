/**
 * Projects in the page (issue 21): a project is several files in tabs, kept like scripts (a
 * reload keeps it), with a picker of the entry Run starts that follows the open file; it goes
 * out as a .zip and comes back in from a .zip or a folder. A zip bomb is refused with the
 * open project untouched; a project run is type-checked first, its locations links to the file.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';
import { importFolder } from './pages/project-folder.ts';
import { craftZip, deflatedRun } from '../src/test-support/crafted-zip.ts';

const files = (playground: PlaygroundPage) => playground.page.getByTestId('project.file');
const entry = (playground: PlaygroundPage) => playground.page.getByTestId('project.entry');

async function newProject(playground: PlaygroundPage): Promise<void> {
  await playground.page.getByTestId('scripts.menu').click();
  await playground.page.getByTestId('projects.new').click();
  await expect(files(playground)).toHaveCount(3);
}

/** A project of a library and a main entry that imports it as `lib`. */
const LIB_AND_MAIN_INDEX = [
  'namespace: app',
  'entries:',
  '  - { name: lib, kind: library.lua, source: "file://lib.lua" }',
  '  - name: main',
  '    kind: process.lua',
  '    source: "file://main.lua"',
  '    method: main',
  '    imports: { lib: "app:lib" }',
  '',
].join('\n');

test.describe('projects', () => {
  test('a new project opens its sample files in tabs, and the entry follows the open file', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open();
    await newProject(playground);
    await expect(files(playground)).toHaveText(['_index.yaml', '▸ main.lua', '▸ worker.lua']);
    await expect(entry(playground)).toHaveValue('app:main');
    await expect.poll(() => playground.editorText()).toContain('process.spawn_monitored');

    // Each file keeps its cursor: line 5 of main.lua is where it was after a switch.
    await playground.editor.locator('.view-line').nth(4).click();
    const activeLine = playground.editor.locator('.line-numbers.active-line-number');
    await expect(activeLine).toHaveText('5');
    await files(playground).nth(2).click();
    await expect(entry(playground)).toHaveValue('app:worker');
    await expect(activeLine).toHaveText('1');
    await files(playground).nth(1).click();
    await expect(activeLine).toHaveText('5');
    await files(playground).nth(2).click();
    await expect.poll(() => playground.editorText()).toContain('A worker: prints its argument');
    // The yaml file is not an entry: the choice stays.
    await files(playground).first().click();
    await expect(entry(playground)).toHaveValue('app:worker');
    await entry(playground).selectOption('app:main');
    await expect(entry(playground)).toHaveValue('app:main');

    // A new file, typed into, survives a reload with the project.
    await page.getByTestId('project.add-file').click();
    await page.getByTestId('project.new-file-name').fill('lib/util.lua');
    await page.getByTestId('project.new-file-name').press('Enter');
    await expect(files(playground)).toHaveCount(4);
    await playground.editor.click();
    await page.keyboard.insertText('return { answer = 42 }');
    await page.reload();
    await expect(playground.editor).toBeVisible({ timeout: 30_000 });
    await expect(files(playground)).toHaveCount(4);
    await expect(files(playground).nth(3)).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => playground.editorText()).toContain('return { answer = 42 }');
    await expect(page.getByTestId('scripts.tab').last()).toContainText('Project');
  });

  test('a removed file comes back with Undo', async ({ playground }) => {
    const { page } = playground;
    await playground.open();
    await newProject(playground);
    await page.getByTestId('project.remove-file').nth(2).click();
    await expect(files(playground)).toHaveCount(2);
    await page.getByTestId('toast.undo').click();
    await expect(files(playground)).toHaveText(['_index.yaml', '▸ main.lua', '▸ worker.lua']);
  });

  test('exports a project as a .zip and imports it again, and imports a folder', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open();
    await newProject(playground);
    await page.getByTestId('scripts.menu').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('projects.export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('Project.zip');
    const zip = readFileSync((await download.path())!);
    const inside = unzipSync(new Uint8Array(zip));
    expect(Object.keys(inside).sort()).toEqual([
      'Project/_index.yaml',
      'Project/main.lua',
      'Project/worker.lua',
    ]);
    expect(strFromU8(inside['Project/_index.yaml'])).toContain('namespace: app');

    await page.getByTestId('projects.import-zip-file').setInputFiles({
      name: 'Project.zip',
      mimeType: 'application/zip',
      buffer: zip,
    });
    await expect(page.getByTestId('scripts.tab')).toHaveCount(3);
    await expect(files(playground)).toHaveCount(3);
    await expect(entry(playground)).toHaveValue('app:main');

    await importFolder(playground, {
      'hello/_index.yaml':
        'namespace: hi\nentries:\n  - {name: go, kind: process.lua, source: "file://go.lua"}\n',
      'hello/go.lua': 'return { main = function() print("hi") end }',
      'hello/.git/HEAD': 'ref',
    });
    await expect(page.getByTestId('scripts.tab')).toHaveCount(4);
    await expect(page.getByTestId('scripts.tab').last()).toContainText('hello');
    await expect(files(playground)).toHaveText(['_index.yaml', '▸ go.lua']);
    await expect(entry(playground)).toHaveValue('hi:go');
    await expect(page.getByTestId('notice')).toContainText('hello/.git/HEAD');
  });

  test('the gallery opens a process tutorial as a project, its entry ready to run', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open();
    await playground.openTab('examples');
    await expect(page.getByTestId('examples.worker-pool')).toContainText('worker-pool/ · 5 files');
    await page.getByTestId('examples.worker-pool').click();
    await expect(files(playground)).toHaveText([
      'src/_index.yaml',
      'supervisor/_index.yaml',
      '▸ pool.lua',
      'workers/_index.yaml',
      '▸ task_worker.lua',
    ]);
    await expect(entry(playground)).toHaveValue('app.supervisor:pool');
    await expect(page).toHaveURL(/example=worker-pool/);
    await expect
      .poll(() => playground.editorText())
      .toContain('The supervisor: starts the workers');
  });

  test('a lone script stays a script: no file tabs, and its run is unchanged', async ({
    playground,
  }) => {
    await playground.open({ code: 'print("just a script")' });
    await expect(playground.page.getByTestId('project.bar')).toHaveCount(0);
    await playground.runAndWait('finished');
    await playground.expectOutput('just a script');
  });

  test('a zip bomb whose directory declares 100 bytes is refused, and nothing is lost', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open();
    await newProject(playground);
    const before = await playground.editorText();
    const bomb = craftZip([
      {
        name: 'p/main.lua',
        data: new TextEncoder().encode('print(1)'),
        method: 0,
        declaredSize: 8,
      },
      { name: 'p/bomb.lua', data: deflatedRun(32 * 1024 * 1024), method: 8, declaredSize: 100 },
    ]);
    await page.getByTestId('projects.import-zip-file').setInputFiles({
      name: 'bomb.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(bomb),
    });
    await expect(page.getByTestId('notice')).toHaveText(
      /Import failed: file p\/bomb\.lua is larger than 1024 KiB\./,
    );
    await expect(page.getByTestId('scripts.tab')).toHaveCount(2);
    await expect(files(playground)).toHaveText(['_index.yaml', '▸ main.lua', '▸ worker.lua']);
    // The notice takes room from the editor: its first lines are what is compared.
    const firstLines = before.split('\n').slice(0, 5).join('\n');
    await expect.poll(() => playground.editorText()).toContain(firstLines);
  });

  test('strict type checking refuses a project whose library has a type error, and its location opens the file', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open({ code: 'print("a script")', types: 'strict' });
    await importFolder(playground, {
      'typed/_index.yaml': LIB_AND_MAIN_INDEX,
      'typed/lib.lua': [
        'local M = {}',
        'function M.never()',
        '  local n = 42',
        '  return n()',
        'end',
        'return M',
        '',
      ].join('\n'),
      'typed/main.lua': 'return { main = function() print("main ran") end }\n',
    });
    await expect(files(playground)).toHaveText(['_index.yaml', 'lib.lua', '▸ main.lua']);
    await files(playground).nth(2).click();
    await expect(entry(playground)).toHaveValue('app:main');
    await playground.runAndWait('error');
    await playground.expectOutput('type errors in lib.lua: 4:10 expected function, got integer');
    await expect(playground.output).not.toContainText('main ran');

    // The located diagnostic is a link: it opens lib.lua with the cursor on line 4.
    const location = page.locator('.console-location[data-chunk="lib.lua"]').first();
    await expect(location).toHaveText('lib.lua:4:');
    await location.click();
    await expect(files(playground).nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(playground.editor.locator('.line-numbers.active-line-number')).toHaveText('4');
    await expect(entry(playground)).toHaveValue('app:main');
  });

  test('a warning in a project names its file, and its location opens that file at the line', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open({ code: 'print("a script")' });
    await importFolder(playground, {
      'warned/_index.yaml': LIB_AND_MAIN_INDEX,
      // print(nil) prints '' on the platform; the playground warns at the line.
      'warned/lib.lua': [
        'local M = {}',
        'function M.show(v)',
        '  print(v)',
        'end',
        'return M',
        '',
      ].join('\n'),
      'warned/main.lua': 'return { main = function() lib.show(nil) print("main ran") end }\n',
    });
    await expect(files(playground)).toHaveText(['_index.yaml', 'lib.lua', '▸ main.lua']);
    await files(playground).nth(2).click();
    await playground.runAndWait('finished');
    await expect(playground.output).toContainText('main ran');

    // Named as an error would be, not as a bare line that main.lua, the open file, also has.
    const warning = playground.output.locator('[data-stream="warn"]');
    await expect(warning).toHaveCount(1);
    await expect(warning).toContainText("warning: lib.lua:3: print: the platform prints ''");
    // No marker in main.lua: the warning is not its own.
    await expect(page.locator('.monaco-editor .squiggly-warning')).toHaveCount(0);
    const location = warning.locator('.console-location[data-chunk="lib.lua"]');
    await expect(location).toHaveText('warning: lib.lua:3: ');
    await location.click();
    await expect(files(playground).nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(playground.editor.locator('.line-numbers.active-line-number')).toHaveText('3');
    await expect(page.locator('.monaco-editor .squiggly-warning')).toHaveCount(1);
    await expect(entry(playground)).toHaveValue('app:main');
  });
});
