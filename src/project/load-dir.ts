/**
 * Node only: a directory read into the `{path, text}` files parseProject takes (the CLI's
 * `--project DIR`). Skips dot folders and node_modules; bounded by file count and bytes, so a
 * mistaken `--project ~` ends with a message instead of reading the disk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  DEFAULT_PROJECT_LIMITS,
  parseProject,
  type ProjectFile,
  type ProjectLimits,
} from './project.ts';
import type { Project } from './spec.ts';

/** Only these are read: the registry files and the sources they can name. */
const READ_EXTENSIONS = ['.yaml', '.yml', '.lua'];
/** Folders visited at most, so a huge tree without Lua still ends quickly. */
const MAX_FOLDERS = 10_000;

export interface DirectoryFiles {
  files: ProjectFile[];
  problems: string[];
}

export function readProjectDir(
  root: string,
  limits: ProjectLimits = DEFAULT_PROJECT_LIMITS,
): DirectoryFiles {
  const files: ProjectFile[] = [];
  const problems: string[] = [];
  const pending = [root];
  let folders = 0;
  let total = 0;
  while (pending.length > 0) {
    const dir = pending.shift()!;
    if (++folders > MAX_FOLDERS) {
      problems.push(`more than ${MAX_FOLDERS} folders under ${root}; the rest is not read`);
      break;
    }
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        if (!name.startsWith('.') && name !== 'node_modules') pending.push(path);
        continue;
      }
      if (!READ_EXTENSIONS.some((ext) => name.endsWith(ext))) continue;
      const rel = relative(root, path).split(sep).join('/');
      if (files.length >= limits.maxFiles) {
        problems.push(`more than ${limits.maxFiles} files under ${root}; the rest is not read`);
        return { files, problems };
      }
      if (stat.size > limits.maxFileBytes) {
        problems.push(
          `${rel}: ${stat.size} bytes, above the ${limits.maxFileBytes}-byte file limit`,
        );
        continue;
      }
      if (total + stat.size > limits.maxTotalBytes) {
        problems.push(`${rel}: left out, the project is above ${limits.maxTotalBytes} bytes`);
        continue;
      }
      total += stat.size;
      files.push({ path: rel, text: readFileSync(path, 'utf8') });
    }
  }
  return { files, problems };
}

/** readProjectDir then parseProject; the directory's problems come first. */
export function loadProjectDir(root: string, limits?: Partial<ProjectLimits>): Project {
  const bounds = { ...DEFAULT_PROJECT_LIMITS, ...limits };
  const { files, problems } = readProjectDir(root, bounds);
  const project = parseProject(files, bounds);
  project.problems.unshift(...problems);
  return project;
}
