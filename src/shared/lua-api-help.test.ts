import { describe, expect, it } from 'vitest';
import { lua } from '../runtime/run-for-test.ts';
import { LUA_API } from './lua-api.ts';
import { callName, FUNCTION_HELP, firstSentence, functionHelp } from './lua-api-help.ts';

const described = LUA_API.modules.flatMap((m) => [
  ...m.functions,
  ...m.tables.flatMap((t) => t.functions ?? []),
  ...m.classes.flatMap((c) => c.methods),
]);

describe('lua-api-help.ts', () => {
  it('helps only with functions the API describes, in one plain sentence each', () => {
    const names = new Set(described.map(callName));
    for (const [name, help] of Object.entries(FUNCTION_HELP)) {
      expect(names, name).toContain(name);
      expect(help.summary, name).toMatch(/^[A-Z`].*\.$/);
      expect(firstSentence(help.summary), name).toBe(help.summary);
    }
  });

  it('has examples that Lua compiles', async () => {
    const examples = Object.entries(FUNCTION_HELP).filter(([, h]) => h.example);
    const checks = examples
      .map(([name, h]) => `assert(load([==[${h.example}]==], ${JSON.stringify(name)}))`)
      .join('\n');
    const result = await lua(checks);
    expect(result.end).toEqual({ status: 'finished' });
  });

  it('leads with the first sentence of the doc where no help is listed', () => {
    const unlisted = described.find((fn) => !(callName(fn) in FUNCTION_HELP))!;
    expect(functionHelp(unlisted).summary).toBe(firstSentence(unlisted.doc));
    expect(firstSentence('Closes it. Then waits.')).toBe('Closes it.');
    expect(firstSentence('The kind, e.g. `x`. More.')).toBe('The kind, e.g. `x`.');
  });
});
