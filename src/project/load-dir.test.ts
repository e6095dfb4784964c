/** Reading a project folder from disk (a real temporary directory). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProjectDir, readProjectDir } from './load-dir.ts';

const root = mkdtempSync(join(tmpdir(), 'load-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

write(
  '_index.yaml',
  'namespace: app\nentries:\n  - { name: main, kind: process.lua, source: file://src/main.lua }\n',
);
write('src/main.lua', 'return { main = function() end }\n');
write('src/notes.txt', 'not read');
write('.git/_index.yaml', 'namespace: hidden\n');
write('node_modules/pkg/_index.yaml', 'namespace: dep\n');
write('big/huge.lua', 'x'.repeat(2000));

describe('readProjectDir', () => {
  it('reads yaml and Lua files by relative path, skipping dot folders and node_modules', () => {
    const { files, problems } = readProjectDir(root);
    expect(files.map((f) => f.path)).toEqual(['_index.yaml', 'big/huge.lua', 'src/main.lua']);
    expect(problems).toEqual([]);
  });

  it('says which bound left a file out', () => {
    const limits = { maxFiles: 10, maxFileBytes: 1000, maxTotalBytes: 10_000, maxEntries: 10 };
    const { files, problems } = readProjectDir(root, limits);
    expect(files.map((f) => f.path)).toEqual(['_index.yaml', 'src/main.lua']);
    expect(problems).toEqual(['big/huge.lua: 2000 bytes, above the 1000-byte file limit']);
    const few = readProjectDir(root, { ...limits, maxFileBytes: 10_000, maxFiles: 1 });
    expect(few.problems).toEqual([`more than 1 files under ${root}; the rest is not read`]);
  });

  it('loads the project with its sources relative to the root', () => {
    const project = loadProjectDir(root);
    expect(project.problems).toEqual([]);
    expect(project.entries.get('app:main')).toMatchObject({ file: 'src/main.lua', method: 'main' });
  });
});
