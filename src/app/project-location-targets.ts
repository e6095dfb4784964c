/**
 * The console's location links for an open project (src/console/location-targets.ts): each
 * of its Lua files is a chunk name of the run (`src/lib.lua:3:`), and a click on another
 * file's location opens that file with its cursor on the line. The entry to run stays as it
 * is: the person is reading a location, not choosing what Run starts.
 */
import { useEffect, useMemo, useRef } from 'react';
import { revealLine } from '../editor/reveal-line.ts';
import type { LocationTargets } from '../console/location-targets.ts';
import { selectFile, setFileCursor, type ProjectPart } from './project-files.ts';
import type { Scripts } from './use-scripts.ts';

export function openLocation(project: ProjectPart, path: string, line: number): ProjectPart {
  if (!project.files.some((f) => f.path === path)) return project;
  return setFileCursor(selectFile(project, path), { line, column: 1 }, path);
}

export function useProjectLocationTargets(
  project: ProjectPart | undefined,
  scripts: Scripts,
): LocationTargets | null {
  const paths = project?.files.map((f) => f.path).filter((path) => path.endsWith('.lua'));
  const key = paths?.join('\n');
  // Read at the click, so a switch of the open file does not redraw every console line.
  const activePath = useRef(project?.activePath);
  useEffect(() => {
    activePath.current = project?.activePath;
  }, [project?.activePath]);
  const { changeProject } = scripts;
  return useMemo(() => {
    if (key === undefined) return null;
    return {
      chunks: key === '' ? [] : key.split('\n'),
      open(line, chunk) {
        if (chunk === undefined || chunk === activePath.current) return revealLine(line);
        changeProject((p) => openLocation(p, chunk, line));
      },
    };
  }, [key, changeProject]);
}
