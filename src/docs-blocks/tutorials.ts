/**
 * Two tutorials run whole, as their pages lay them out: each file of the project is one of the
 * page's blocks (its `_index.yaml` files the page's ```yaml blocks, its Lua files the ```lua
 * blocks), read from the docs mirror at test time. A block is picked by its number and its
 * first line is checked, so a docs change that moves a block fails with what moved.
 */
import type { ProjectFile } from '../project/project.ts';
import { extractBlocks, firstLine } from './extract.ts';
import type { PageName } from './pages.ts';

interface TutorialFile {
  path: string;
  language: 'lua' | 'yaml';
  index: number;
  /** The block's first line of code, as the page has it. */
  first: string;
}

export interface Tutorial {
  page: PageName;
  files: TutorialFile[];
  /** The entry `wippy run` starts. */
  entry: string;
}

/** en/tutorials/echo-service.md: `src/_index.yaml`, `relay.lua`, `worker.lua`, `cli.lua`. */
export const ECHO_SERVICE: Tutorial = {
  page: 'echo-service',
  entry: 'app:cli',
  files: [
    { path: '_index.yaml', language: 'yaml', index: 1, first: 'version: "1.0"' },
    { path: 'relay.lua', language: 'lua', index: 1, first: 'local logger = require("logger")' },
    {
      path: 'worker.lua',
      language: 'lua',
      index: 6,
      first: 'local function main(sender_pid, data)',
    },
    { path: 'cli.lua', language: 'lua', index: 7, first: 'local io = require("io")' },
  ],
};

/** en/tutorials/supervision.md, "Worker Pool with Supervision": the pool and its workers. */
export const SUPERVISOR_POOL: Tutorial = {
  page: 'supervision',
  entry: 'app.supervisor:pool',
  files: [
    { path: '_index.yaml', language: 'yaml', index: 1, first: 'version: "1.0"' },
    { path: 'supervisor/_index.yaml', language: 'yaml', index: 2, first: 'version: "1.0"' },
    {
      path: 'supervisor/pool.lua',
      language: 'lua',
      index: 14,
      first: 'local function main(worker_count)',
    },
    { path: 'workers/_index.yaml', language: 'yaml', index: 3, first: 'version: "1.0"' },
    {
      path: 'workers/task_worker.lua',
      language: 'lua',
      index: 15,
      first: 'local function main(worker_id)',
    },
  ],
};

/** The tutorial's project files from its page's text. */
export function tutorialFiles(tutorial: Tutorial, markdown: string): ProjectFile[] {
  return tutorial.files.map((file) => {
    const block = extractBlocks(tutorial.page, markdown, file.language)[file.index - 1];
    const first = block && firstLine(block.code.replace(/^#.*\n/, ''));
    if (!block || first !== file.first)
      throw new Error(
        `${tutorial.page} ${file.language} block ${file.index} (for ${file.path}) begins ` +
          `${JSON.stringify(first)}, not ${JSON.stringify(file.first)}: the page changed`,
      );
    return { path: file.path, text: block.code };
  });
}
