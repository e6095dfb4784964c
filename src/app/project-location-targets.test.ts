import { describe, expect, it } from 'vitest';
import { openLocation } from './project-location-targets.ts';

const project = {
  files: [
    { path: 'main.lua', text: 'print(1)' },
    { path: 'lib/util.lua', text: 'return {}\n\n\n' },
  ],
  activePath: 'main.lua',
  entry: 'app:main',
};

describe('a console location in another file of the project', () => {
  it('opens that file with its cursor on the line, and keeps the entry', () => {
    expect(openLocation(project, 'lib/util.lua', 3)).toEqual({
      ...project,
      files: [project.files[0], { ...project.files[1], cursor: { line: 3, column: 1 } }],
      activePath: 'lib/util.lua',
    });
  });

  it('leaves the project as it is for a file it does not hold', () => {
    expect(openLocation(project, 'gone.lua', 3)).toBe(project);
  });
});
