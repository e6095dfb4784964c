/**
 * Each page's sample project: the entries its blocks spawn or call by name, as this repository's
 * own small implementations (projects/<page>/, beside the hosts of projects/_index.yaml). Read
 * from disk at test time as project files; a page without a folder gets the hosts alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectFile } from '../project/project.ts';

const ROOT = fileURLToPath(new URL('./projects/', import.meta.url));

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((item) =>
    item.isDirectory() ? filesUnder(join(folder, item.name)) : [join(folder, item.name)],
  );
}

export function sampleProject(page: string): ProjectFile[] {
  const folder = join(ROOT, page);
  const paths = [join(ROOT, '_index.yaml'), ...(existsSync(folder) ? filesUnder(folder) : [])];
  return paths.map((path) => ({
    path: relative(ROOT, path).split('\\').join('/'),
    text: readFileSync(path, 'utf8'),
  }));
}
