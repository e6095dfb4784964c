import { describe, expect, it } from 'vitest';
import { assignable, isAssignable } from './assign.ts';
import { formatType } from './format.ts';
import {
  ANY,
  BOOLEAN,
  INTEGER,
  NIL,
  NUMBER,
  STRING,
  UNKNOWN,
  literal,
  optional,
  union,
  type Type,
} from './model.ts';

const record = (fields: Record<string, Type>, optionalNames: string[] = []): Type => ({
  kind: 'record',
  fields: Object.entries(fields).map(([name, type]) => ({
    name,
    type,
    optional: optionalNames.includes(name),
    readonly: false,
  })),
});
const named = (name: string, target: Type): Type => ({ kind: 'named', name, target });

describe('assignability (types.md "Subtyping")', () => {
  it('integer is a subtype of number, not the other way', () => {
    expect(isAssignable(INTEGER, NUMBER)).toBe(true);
    expect(isAssignable(NUMBER, INTEGER)).toBe(false);
    expect(isAssignable(literal(42), INTEGER)).toBe(true);
    expect(isAssignable(literal(3.14), INTEGER)).toBe(false);
  });

  it('rejects string to number and nil to a non-optional', () => {
    expect(isAssignable(STRING, NUMBER)).toBe(false);
    expect(isAssignable(NIL, NUMBER)).toBe(false);
    expect(isAssignable(NIL, optional(NUMBER))).toBe(true);
    expect(isAssignable(optional(NUMBER), NUMBER)).toBe(false);
  });

  it('any goes everywhere, unknown only to any or unknown', () => {
    expect(isAssignable(ANY, NUMBER)).toBe(true);
    expect(isAssignable(UNKNOWN, NUMBER)).toBe(false);
    expect(isAssignable(UNKNOWN, ANY)).toBe(true);
  });

  it('a union takes each member; a value outside it is refused', () => {
    const u = union([NUMBER, STRING]);
    expect(isAssignable(literal('a'), u)).toBe(true);
    expect(isAssignable(BOOLEAN, u)).toBe(false);
    expect(isAssignable(u, NUMBER)).toBe(false);
  });

  it('literal unions accept only their literals', () => {
    const status = named('Status', union([literal('pending'), literal('active')]));
    expect(isAssignable(literal('pending'), status)).toBe(true);
    expect(isAssignable(literal('invalid'), status)).toBe(false);
  });

  it('records are structural, optional fields may be missing, the missing field is named', () => {
    const config = record({ host: STRING, port: NUMBER, timeout: NUMBER }, ['timeout']);
    expect(isAssignable(record({ host: literal('h'), port: literal(80) }), config)).toBe(true);
    expect(assignable(record({ host: literal('h') }), config)).toEqual({
      ok: false,
      reason: "missing field 'port'",
    });
  });

  it('an intersection of records takes the fields of both', () => {
    const person: Type = {
      kind: 'intersection',
      members: [record({ name: STRING }), record({ age: NUMBER })],
    };
    expect(isAssignable(record({ name: literal('A'), age: literal(30) }), person)).toBe(true);
    expect(isAssignable(record({ name: literal('A') }), person)).toBe(false);
  });
});

describe('formatType (the platform notation)', () => {
  it('writes optionals, unions, arrays, maps and records as the docs do', () => {
    expect(formatType(optional(NUMBER))).toBe('number?');
    expect(formatType(union([NUMBER, STRING]))).toBe('number | string');
    expect(formatType({ kind: 'array', elem: STRING })).toBe('{string}');
    expect(formatType({ kind: 'map', key: STRING, value: NUMBER })).toBe('{[string]: number}');
    expect(formatType(record({ name: STRING, age: NUMBER }, ['age']))).toBe(
      '{name: string, age?: number}',
    );
  });
});
