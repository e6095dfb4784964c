/**
 * Types as messages and hovers show them, in the platform's notation (go-lua `typ.FormatShort`):
 * `number?`, `number | string`, `{string}`, `{[string]: number}`, `{name: string, age?: number}`,
 * `(number, string) -> boolean`. Named types show their name.
 */
import type { Type } from './model.ts';

/** Beyond this many fields a record shows `…`: a hover stays one line. */
const MAX_FIELDS = 6;

export function formatType(t: Type, depth = 0): string {
  if (depth > 4) return '…';
  const go = (x: Type) => formatType(x, depth + 1);
  switch (t.kind) {
    case 'any':
    case 'unknown':
    case 'never':
    case 'table':
      return t.kind;
    case 'primitive':
      return t.name;
    case 'literal':
      return typeof t.value === 'string' ? JSON.stringify(t.value) : String(t.value);
    case 'named':
    case 'typeParam':
      return t.name;
    case 'optional': {
      const inner = go(t.inner);
      return needsParens(t.inner) ? `(${inner})?` : `${inner}?`;
    }
    case 'union':
      return t.members.map(go).join(' | ');
    case 'intersection':
      return t.members.map((m) => (m.kind === 'union' ? `(${go(m)})` : go(m))).join(' & ');
    case 'array':
      return `{${go(t.elem)}}`;
    case 'map':
      return `{[${go(t.key)}]: ${go(t.value)}}`;
    case 'record': {
      const shown = t.fields.slice(0, MAX_FIELDS).map((f) => {
        const mark = f.optional ? '?' : '';
        return `${f.readonly ? 'readonly ' : ''}${f.name}${mark}: ${go(f.type)}`;
      });
      if (t.fields.length > MAX_FIELDS) shown.push('…');
      return `{${shown.join(', ')}}`;
    }
    case 'function': {
      const params = t.params.map((p) => (p.name ? `${p.name}: ${go(p.type)}` : go(p.type)));
      if (t.variadic) params.push(`...: ${go(t.variadic)}`);
      const generics = t.typeParams?.length
        ? `<${t.typeParams.map((p) => (p.constraint ? `${p.name}: ${go(p.constraint)}` : p.name)).join(', ')}>`
        : '';
      const returns = t.returns ?? [];
      const ret =
        returns.length === 1 && returns[0].kind !== 'function'
          ? go(returns[0])
          : `(${returns.map(go).join(', ')})`;
      return `${generics}(${params.join(', ')}) -> ${t.returns === null ? 'any' : ret}`;
    }
  }
}

function needsParens(t: Type): boolean {
  return t.kind === 'union' || t.kind === 'intersection' || t.kind === 'function';
}
