import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readZip, zipProject } from './project-archive.ts';

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

  it('leaves out binary files and paths outside the project, and names them', () => {
    const bytes = zipSync({
      'p/main.lua': strToU8('print(1)'),
      'p/logo.png': new Uint8Array([0x89, 0x50, 0xff, 0xfe, 0x00]),
      '../evil.lua': strToU8('x'),
    });
    const read = readZip(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.project.files).toEqual([{ path: 'main.lua', text: 'print(1)' }]);
    expect(read.skipped.sort()).toEqual(['../evil.lua', 'p/logo.png']);
  });

  it('refuses what is not a zip, and an archive that inflates past the limit', () => {
    expect(readZip(strToU8('hello'))).toMatchObject({ ok: false });
    const big = zipSync({ 'a.lua': new Uint8Array(5 * 1024 * 1024).fill(45) }, { level: 9 });
    expect(big.length).toBeLessThan(100_000);
    expect(readZip(big)).toMatchObject({ ok: false, error: expect.stringMatching(/4 MiB/) });
  });
});
