/**
 * Whether the cursor sits at a key position directly inside the options table of a
 * `websocket.connect(url, { ... })` call, so completion offers the connect options.
 */

const CALL = 'websocket.connect(';
/** Options tables are short; looking further back only costs time on big files. */
const LOOK_BACK = 4000;

export function optionsContextAt(textBefore: string): boolean {
  const text = textBefore.slice(-LOOK_BACK);
  const callAt = text.lastIndexOf(CALL);
  if (callAt < 0) return false;
  let parens = 1;
  let braces = 0;
  let quote: string | null = null;
  for (let i = callAt + CALL.length; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') parens++;
    else if (ch === ')') parens--;
    else if (ch === '{') braces++;
    else if (ch === '}') braces--;
    if (parens === 0) return false;
  }
  if (quote || braces !== 1) return false;
  // A key position: after `{` or `,` (ignoring whitespace and the word being typed).
  const before = text.replace(/\w*$/, '').trimEnd();
  const last = before[before.length - 1];
  return last === '{' || last === ',';
}
