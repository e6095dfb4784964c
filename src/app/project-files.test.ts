import { describe, expect, it } from 'vitest';
import {
  addFile,
  fileLabels,
  normalizePath,
  projectFromFiles,
  readProject,
  removeFile,
} from './project-files.ts';

describe('project files', () => {
  it('keeps paths inside the project: no .., nothing absolute', () => {
    expect(normalizePath('src\\./cli.lua')).toBe('src/cli.lua');
    expect(normalizePath('../etc/passwd')).toBeNull();
    expect(normalizePath('src/../../x')).toBeNull();
    expect(normalizePath('/abs.lua')).toBeNull();
    expect(normalizePath('C:/x.lua')).toBeNull();
    expect(normalizePath('')).toBeNull();
  });

  it('adds a file once, opened, and refuses a second with the same path', () => {
    const project = { files: [{ path: 'a.lua', text: '' }], activePath: 'a.lua' };
    const added = addFile(project, ' lib/b.lua ');
    expect(added).toMatchObject({ ok: true, project: { activePath: 'lib/b.lua' } });
    if (!added.ok) return;
    expect(addFile(added.project, 'lib/b.lua')).toMatchObject({ ok: false });
    expect(addFile(added.project, '../c.lua')).toMatchObject({ ok: false });
  });

  it('removes a file and opens its neighbour, but keeps the last one', () => {
    const project = {
      files: [
        { path: 'a.lua', text: '' },
        { path: 'b.lua', text: '' },
      ],
      activePath: 'b.lua',
    };
    const removed = removeFile(project, 'b.lua');
    expect(removed).toMatchObject({ ok: true, project: { activePath: 'a.lua' } });
    if (removed.ok) expect(removeFile(removed.project, 'a.lua').ok).toBe(false);
  });

  it('reads a folder: the shared top folder and hidden files go, a Lua file opens', () => {
    const read = projectFromFiles([
      { path: 'echo-service/wippy.lock', text: '' },
      { path: 'echo-service/.git/config', text: '' },
      { path: 'echo-service/src/_index.yaml', text: 'namespace: app' },
      { path: 'echo-service/src/cli.lua', text: 'print(1)' },
    ]);
    expect(read).toMatchObject({
      ok: true,
      project: { activePath: 'src/cli.lua' },
      skipped: ['echo-service/.git/config'],
    });
    if (read.ok)
      expect(read.project.files.map((f) => f.path)).toEqual([
        'src/_index.yaml',
        'src/cli.lua',
        'wippy.lock',
      ]);
    expect(projectFromFiles([{ path: '../x', text: '' }])).toMatchObject({ ok: false });
  });

  it('reads nothing from a stored value that is not a project', () => {
    expect(readProject(undefined)).toBeUndefined();
    expect(readProject({ files: [] })).toBeUndefined();
    expect(readProject({ files: [{ path: 'a.lua', text: 1 }] })).toBeUndefined();
  });

  it('labels tabs by file name, with folders only where names repeat', () => {
    const labels = fileLabels([
      'src/_index.yaml',
      'src/supervisor/_index.yaml',
      'src/supervisor/pool.lua',
      'src/workers/_index.yaml',
    ]);
    expect([...labels.values()]).toEqual([
      'src/_index.yaml',
      'supervisor/_index.yaml',
      'pool.lua',
      'workers/_index.yaml',
    ]);
  });
});
