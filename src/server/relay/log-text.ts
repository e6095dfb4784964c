/**
 * Text a peer chose (a close reason, an Origin, a URL) as it goes into a log line: quoted as a
 * JSON string, so a newline cannot start a forged line and an escape sequence cannot reach the
 * terminal (C1 controls and the Unicode line separators are escaped too), and cut to a length.
 */
export function logValue(text: string, max = 200): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
