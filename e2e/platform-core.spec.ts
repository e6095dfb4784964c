/**
 * json, errors, channel and coroutine as the platform has them (docs/platform-differences.md,
 * rows A1-A4 and A10-A21), in the page's worker: a representative part of what Node runs in
 * src/runtime/modules/{json,errors,channel,coroutine}.test.ts. The scripts assert in Lua and
 * print a line at the end, so a failed assert shows as an error run.
 */
import { test, expect } from './fixtures.ts';

// Pinned to Lua 5.3: this spec tests the platform's json, errors, channel and task modules, and
// its expectations are Lua 5.3's print (tab-joined, `true`); the platform's print is tested in
// dialect.spec.ts.

const JSON_AND_ERRORS = [
  'local msg = json.decode(\'{"error":null,"id":42,"price":1.5,"tags":[]}\')',
  'assert(msg.error == nil and math.type(msg.id) == "integer" and math.type(msg.price) == "float")',
  'assert(json.encode({}) == "[]" and json.encode(msg.tags) == "[]")',
  'local s, err = json.encode({ 1, 2, x = 3 })',
  'assert(s == nil and err:kind() == errors.INTERNAL and errors.INTERNAL == "Internal")',
  'assert(not pcall(function() return json.null end))',
  'local schema = { type = "object", required = { "name" } }',
  'assert(json.validate(schema, { name = "x" }) == true)',
  'local ok, verr = json.validate(schema, { age = 1 })',
  'assert(ok == false and verr:kind() == errors.INVALID)',
  'local e = errors.new{ message = "boom", kind = errors.TIMEOUT, details = { n = 1 } }',
  'assert(tostring(e) == "boom" and e:details().n == 1 and errors.new("x"):retryable() == nil)',
  'local wrapped = errors.wrap(e, "while testing")',
  'print("wrapped: " .. wrapped, wrapped:kind(), #errors.call_stack(e).frames > 0)',
  'print("inf:", json.encode({ 1/0 }))',
].join('\n');

const CHANNELS_AND_TASKS = [
  'local a, b = channel.new(4), channel.new(4)',
  'a:send("a1"); b:send("b1")',
  'local first = channel.select { b:case_receive(), a:case_receive() }',
  'local none = channel.select({ channel.new():case_receive() }, true)',
  'local sent = channel.select { a:case_send("v") }',
  'print("select:", first.channel == b, none.default, none.ok, sent.value)',
  'print("close:", select("#", a:close()), select("#", a:close()))',
  'local order = {}',
  'local t = coroutine.spawn(function() order[#order + 1] = "task" end)',
  'order[#order + 1] = "main"',
  'print("spawn:", type(t), table.concat(order, ","))',
  'print("top:", coroutine.isyieldable(), select(2, coroutine.running()), pcall(coroutine.yield))',
  'io.write("write: ", 3.0, "\\n")',
].join('\n');

test.describe('json, errors, channel and coroutine as on the platform', () => {
  test('json null is nil, {} is [], schemas validate, errors have the platform kinds', async ({
    playground,
  }) => {
    await playground.open({ code: JSON_AND_ERRORS, dialect: 'lua53' });
    await playground.runAndWait('finished', 25_000);
    await playground.expectOutput('wrapped: boom\tTimeout\ttrue', 'inf:\t[null]');
    const warnings = playground.output.locator('.console-warn');
    await expect(warnings.filter({ hasText: 'json.encode: inf is encoded as null' })).toHaveCount(
      1,
    );
  });

  test('select in table order, close twice, spawn first, the top level as Lua 5.3', async ({
    playground,
  }) => {
    await playground.open({ code: CHANNELS_AND_TASKS, dialect: 'lua53' });
    await playground.runAndWait('finished', 25_000);
    await playground.expectOutput(
      'select:\ttrue\ttrue\ttrue\tv',
      'close:\t0\t0',
      'spawn:\tthread\ttask,main',
      'top:\tfalse\ttrue\tfalse\tattempt to yield from outside a coroutine',
      'write: 3',
    );
    await expect(
      playground.output
        .locator('.console-warn')
        .filter({ hasText: 'ch:close(): the channel is closed already' }),
    ).toHaveCount(1);
  });
});
