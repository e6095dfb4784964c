/**
 * Console text whose script locations (`main.lua:12:`, a project's `src/lib.lua:3:`) are
 * buttons that put the editor's cursor on that line (issue 20), opening the file first when
 * it is another file of the project (location-targets.ts).
 */
import { useContext } from 'react';
import { splitLocations } from './locations.ts';
import { LocationTargetsContext } from './location-targets.ts';

export function LocationText({ text }: { text: string }) {
  const { chunks } = useContext(LocationTargetsContext);
  const parts = splitLocations(text, chunks);
  if (parts.length === 1 && typeof parts[0] === 'string') return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <LineLink key={i} line={part.line} chunk={part.chunk}>
            {part.text}
          </LineLink>
        ),
      )}
    </>
  );
}

export function LineLink({
  line,
  chunk,
  children,
}: {
  line: number;
  /** The file the line is in; absent: the file in the editor. */
  chunk?: string;
  children: string;
}) {
  const { open } = useContext(LocationTargetsContext);
  return (
    <button
      type="button"
      className="console-location"
      title={chunk ? `Show ${chunk} line ${line} in the editor` : `Show line ${line} in the editor`}
      data-line={line}
      data-chunk={chunk}
      onClick={() => open(line, chunk)}
    >
      {children}
    </button>
  );
}
