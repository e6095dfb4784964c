/**
 * Console text whose script locations (`main.lua:12:`) are buttons that put the editor's
 * cursor on that line (issue 20).
 */
import { revealLine } from '../editor/reveal-line.ts';
import { CHUNK_NAME } from '../app/default-code.ts';
import { splitLocations } from './locations.ts';

export function LocationText({ text }: { text: string }) {
  const parts = splitLocations(text, CHUNK_NAME);
  if (parts.length === 1 && typeof parts[0] === 'string') return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <LineLink key={i} line={part.line}>
            {part.text}
          </LineLink>
        ),
      )}
    </>
  );
}

export function LineLink({ line, children }: { line: number; children: string }) {
  return (
    <button
      type="button"
      className="console-location"
      title={`Show line ${line} in the editor`}
      data-line={line}
      onClick={() => revealLine(line)}
    >
      {children}
    </button>
  );
}
