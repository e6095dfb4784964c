/**
 * Signature help while typing arguments: which described call the cursor is inside, and which
 * of its parameters it is at. Pure (text in, description out); lua-providers.ts hands it to
 * Monaco's signatureHelpProvider.
 */
import type { LuaFunctionDoc } from '../shared/lua-api-types.ts';
import type { ApiIndex } from './api-index.ts';

export interface SignatureAt {
  fn: LuaFunctionDoc;
  /** 0-based index of the argument being typed. */
  activeParameter: number;
  /** Each parameter's [start, end) offsets in `fn.signature`, for highlighting. */
  parameterRanges: [number, number][];
}

interface Open {
  /** `(` of a call (its callee, e.g. "websocket.connect"), or `{` / `[` / a bare `(`. */
  callee: string | null;
  commas: number;
}

const CALLEE = /([A-Za-z_]\w*(?:\s*[.:]\s*[A-Za-z_]\w*)*)\s*$/;
const KEYWORDS = new Set(['if', 'while', 'until', 'return', 'and', 'or', 'not', 'elseif', 'in']);

/** The calls open at the end of `text`, innermost last (strings and comments skipped). */
export function openCalls(text: string): Open[] {
  const stack: Open[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '-' && text[i + 1] === '-') {
      const long = /^--\[(=*)\[/.exec(text.slice(i, i + 40));
      const end = long ? text.indexOf(`]${long[1]}]`, i) : text.indexOf('\n', i);
      if (end === -1) return stack; // the cursor is in a comment
      i = end + (long ? long[1].length + 2 : 1);
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return stack; // the cursor is in the string: still an argument
      i = j + 1;
      continue;
    }
    if (c === '[' && /^\[=*\[/.test(text.slice(i, i + 40))) {
      const eq = /^\[(=*)\[/.exec(text.slice(i, i + 40))![1];
      const end = text.indexOf(`]${eq}]`, i);
      if (end === -1) return stack;
      i = end + eq.length + 2;
      continue;
    }
    if (c === '(') {
      const callee = CALLEE.exec(text.slice(Math.max(0, i - 200), i))?.[1].replace(/\s+/g, '');
      stack.push({ callee: callee && !KEYWORDS.has(callee) ? callee : null, commas: 0 });
    } else if (c === '{' || c === '[') stack.push({ callee: null, commas: 0 });
    else if (c === ')' || c === '}' || c === ']') stack.pop();
    else if (c === ',' && stack.length > 0) stack[stack.length - 1].commas++;
    i++;
  }
  return stack;
}

/** Offsets of each parameter's name inside the signature's parentheses. */
export function parameterRanges(fn: LuaFunctionDoc): [number, number][] {
  const open = fn.signature.indexOf('(');
  return fn.params.map((p) => {
    const match = new RegExp(`\\b${p.name}\\b`).exec(fn.signature.slice(open));
    return match ? [open + match.index, open + match.index + p.name.length] : [0, 0];
  });
}

/** The described call whose arguments end `textBefore`, or null. */
export function signatureAt(index: ApiIndex, textBefore: string): SignatureAt | null {
  const stack = openCalls(textBefore);
  // Inside a table argument ({ headers = … }) the call is still the one to show.
  for (let k = stack.length - 1; k >= 0; k--) {
    const { callee, commas } = stack[k];
    if (callee === null) continue;
    const fn = index.functionFor(callee);
    if (!fn) return null;
    const activeParameter = Math.min(commas, Math.max(0, fn.params.length - 1));
    return { fn, activeParameter, parameterRanges: parameterRanges(fn) };
  }
  return null;
}
