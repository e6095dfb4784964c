/**
 * Where a console location leads: the chunk names the console makes links of, and what a
 * click does. A lone script has one (`main.lua`, the editor's line); a project has each of
 * its Lua files, and a click on another file's location opens that file at the line.
 */
import { createContext } from 'react';
import { revealLine } from '../editor/reveal-line.ts';
import { CHUNK_NAME } from '../app/default-code.ts';

export interface LocationTargets {
  chunks: readonly string[];
  /** Show `line` of `chunk` (absent: the file in the editor). */
  open(line: number, chunk?: string): void;
}

export const SCRIPT_TARGETS: LocationTargets = {
  chunks: [CHUNK_NAME],
  open: (line) => revealLine(line),
};

export const LocationTargetsContext = createContext<LocationTargets>(SCRIPT_TARGETS);
