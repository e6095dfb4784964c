import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { MAX_ARCHIVE_BYTES, readFolder, readZip, zipProject } from './project-archive.ts';
import { craftZip, deflatedRun } from '../test-support/crafted-zip.ts';

const MiB = 1024 * 1024;

/** What the archive's own directory says each file inflates to (what the old check read). */
function declaredSizes(bytes: Uint8Array): number[] {
  const sizes: number[] = [];
  unzipSync(bytes, {
    filter: (file) => {
      sizes.push(file.originalSize);
      return false;
    },
  });
  return sizes;
}

const lua = (text: string) => strToU8(text);

describe('project archives', () => {
  it('round-trips a project through a zip under a folder named after it', () => {
    const project = {
      files: [
        { path: 'src/_index.yaml', text: 'namespace: app\n' },
        { path: 'src/cli.lua', text: 'print("é")\n' },
      ],
      activePath: 'src/cli.lua',
    };
    const read = readZip(zipProject('Echo service', project));
    expect(read).toEqual({ ok: true, project, skipped: [] });
  });

  it('leaves out binary files and hidden ones, and names them', () => {
    const bytes = zipSync({
      'p/main.lua': lua('print(1)'),
      'p/logo.png': new Uint8Array([0x89, 0x50, 0xff, 0xfe, 0x00]),
      'p/.git/HEAD': lua('ref: refs/heads/main'),
    });
    const read = readZip(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.project.files).toEqual([{ path: 'main.lua', text: 'print(1)' }]);
    expect(read.skipped.sort()).toEqual(['p/.git/HEAD', 'p/logo.png']);
  });

  it('refuses a text file that is not UTF-8, naming it', () => {
    const latin1 = new Uint8Array([0x70, 0x72, 0x69, 0x6e, 0x74, 0x28, 0x22, 0xe9, 0x22, 0x29]);
    expect(readZip(zipSync({ 'p/main.lua': latin1, 'p/b.lua': lua('x') }))).toEqual({
      ok: false,
      error: 'p/main.lua is not UTF-8 text; save it as UTF-8 and import again',
    });
  });

  it.each([
    ['../evil.lua', '“../evil.lua” climbs out of the project with ..'],
    ['p/../../evil.lua', '“p/../../evil.lua” climbs out of the project with ..'],
    ['/etc/evil.lua', '“/etc/evil.lua” is an absolute path'],
    ['C:/evil.lua', '“C:/evil.lua” is an absolute path'],
    ['p\\..\\evil.lua', '“p\\..\\evil.lua” uses backslashes; names inside a project use /'],
    ['p/evil\u0000.lua', '“p/evil\\x00.lua” has a NUL character in its name'],
  ])('refuses the whole archive for a file named %j', (name, error) => {
    const bytes = zipSync({ 'p/main.lua': lua('print(1)'), [name]: lua('x') });
    expect(readZip(bytes)).toEqual({ ok: false, error });
  });

  it('refuses a folder entry that climbs out, though folders are never read', () => {
    const bytes = craftZip([
      { name: 'p/main.lua', data: lua('print(1)'), method: 0, declaredSize: 8 },
      { name: 'p/../../up/', data: new Uint8Array(0), method: 0, declaredSize: 0 },
    ]);
    expect(readZip(bytes)).toEqual({
      ok: false,
      error: '“p/../../up/” climbs out of the project with ..',
    });
  });

  it('refuses names that are the same file once normalised, and a name given twice', () => {
    const twoSpellings = zipSync({ 'p/a.lua': lua('1'), 'p/./a.lua': lua('2') });
    expect(readZip(twoSpellings)).toEqual({ ok: false, error: 'p/a.lua is in the archive twice' });
    // The same name twice cannot be built from an object's keys: the bytes are written here.
    const sameName = craftZip([
      { name: 'p/a.lua', data: lua('1'), method: 0, declaredSize: 1 },
      { name: 'p/a.lua', data: lua('2'), method: 0, declaredSize: 1 },
    ]);
    expect(readZip(sameName)).toEqual({ ok: false, error: 'p/a.lua is in the archive twice' });
  });

  it('refuses what is not a zip, and an archive that inflates past the limit', () => {
    expect(readZip(strToU8('hello'))).toEqual({ ok: false, error: 'not a zip archive' });
    const big = zipSync({ 'a.lua': new Uint8Array(5 * MiB).fill(45) }, { level: 9 });
    expect(big.length).toBeLessThan(100_000);
    expect(readZip(big)).toMatchObject({ ok: false, error: 'file a.lua is larger than 1024 KiB' });
  });

  it('counts the bytes really inflated, not the sizes a crafted archive declares', () => {
    // A bomb: one file that inflates to 32 MiB, its headers saying 100 bytes.
    const bomb = craftZip([
      { name: 'p/main.lua', data: lua('print(1)'), method: 0, declaredSize: 8 },
      { name: 'p/bomb.lua', data: deflatedRun(32 * MiB), method: 8, declaredSize: 100 },
    ]);
    expect(declaredSizes(bomb)).toEqual([8, 100]);
    expect(readZip(bomb)).toEqual({
      ok: false,
      error: 'file p/bomb.lua is larger than 1024 KiB',
    });

    // Many files under the per-file bound that together inflate past the archive's bound.
    const spread = craftZip(
      Array.from({ length: 6 }, (_, i) => ({
        name: `p/part${i}.lua`,
        data: deflatedRun(1000 * 1024),
        method: 8 as const,
        declaredSize: 10,
      })),
    );
    expect(declaredSizes(spread).reduce((a, b) => a + b)).toBe(60);
    expect(readZip(spread)).toEqual({ ok: false, error: 'the archive inflates past 4 MiB' });
  });

  it('refuses more files than the bound, and an archive too large to read', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 1000; i++) many[`p/f${i}.lua`] = lua('');
    expect(readZip(zipSync(many))).toEqual({
      ok: false,
      error: 'the archive holds more than 1000 files',
    });
    expect(readZip(new Uint8Array(MAX_ARCHIVE_BYTES + 1))).toEqual({
      ok: false,
      error: 'the archive is larger than 16 MiB',
    });
  });

  it('refuses a damaged archive', () => {
    const whole = zipSync({ 'p/a.lua': new Uint8Array(50_000).fill(45) }, { level: 0 });
    const read = readZip(whole.subarray(0, 20_000));
    expect(read).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^a damaged zip archive/),
    });
  });
});

/** A File as `<input webkitdirectory>` gives it: its path from the picked folder. */
function picked(path: string, content: BlobPart): File {
  const file = new File([content], path.split('/').pop()!);
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

describe('project folders', () => {
  it('reads a folder, leaving out hidden files unread and binary ones', async () => {
    const read = await readFolder([
      picked('hello/go.lua', 'print(1)'),
      picked('hello/.git/objects/pack.bin', new Uint8Array(8 * MiB)),
      picked('hello/icon.png', new Uint8Array([0xff, 0xfe, 0x00])),
    ]);
    expect(read).toEqual({
      ok: true,
      project: { files: [{ path: 'go.lua', text: 'print(1)' }], activePath: 'go.lua' },
      skipped: ['hello/.git/objects/pack.bin', 'hello/icon.png'],
    });
  });

  it('has the archive bounds: per file, in all, in number, names and UTF-8', async () => {
    const kib = (n: number) => new Uint8Array(n * 1024).fill(45);
    expect(await readFolder([picked('f/a.lua', kib(1025))])).toEqual({
      ok: false,
      error: 'file f/a.lua is larger than 1024 KiB',
    });
    const five = Array.from({ length: 5 }, (_, i) => picked(`f/${i}.lua`, kib(1000)));
    expect(await readFolder(five)).toEqual({
      ok: false,
      error: 'the folder holds more than 4 MiB',
    });
    const many = Array.from({ length: 1001 }, (_, i) => picked(`f/${i}.lua`, ''));
    expect(await readFolder(many)).toEqual({
      ok: false,
      error: 'the folder holds more than 1000 files',
    });
    expect(await readFolder([picked('f/a\\b.lua', 'x')])).toMatchObject({
      ok: false,
      error: expect.stringContaining('uses backslashes'),
    });
    expect(await readFolder([picked('f/a.yaml', new Uint8Array([0xe9]))])).toEqual({
      ok: false,
      error: 'f/a.yaml is not UTF-8 text; save it as UTF-8 and import again',
    });
  });
});
