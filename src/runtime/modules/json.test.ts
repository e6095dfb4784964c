/**
 * The `json` library against the platform (rows A1-A4 of platform-fidelity.md), asserted in
 * Lua. Sources in wippyai/runtime `runtime/lua/modules/json/`: `module.go` (return values and
 * error kinds), `json.go` (encoding rules, validation), `decode_v2.go` (decoding; the build
 * sets GOEXPERIMENT=jsonv2, Makefile:4), `spec.md`, and the module's `module_test.go`.
 */
import { describe, expect, it } from 'vitest';
import { lua } from '../run-for-test.ts';

/** Integers beyond 2^53 need the engine's 64-bit integers (issue 9); until then, skipped. */
const ENGINE_HAS_INT64 = (await lua('print(math.maxinteger >= 2^53)')).lines[0] === 'true';

async function passes(code: string): Promise<string[]> {
  const r = await lua(code);
  if (r.end.status !== 'finished')
    throw new Error(r.end.status === 'error' ? r.end.failure.message : r.end.status);
  return r.lines;
}

describe('json.decode (decode_v2.go, module.go:64-81)', () => {
  it('A1: decodes null to nil, so a null field is absent (decode_v2.go:54-58)', async () => {
    await passes(`
      local msg = json.decode('{"error":null,"data":{"a":null,"b":1},"list":[null]}')
      assert(msg.error == nil and msg.data.a == nil and msg.data.b == 1)
      assert(next(msg.list) == nil)
      local v, err = json.decode("null")
      assert(v == nil and err == nil)
      assert(select("#", json.decode("null")) == 2)
    `);
  });

  it('A1: has no json.null; reading it raises an error that says why', async () => {
    const lines = await passes(`
      print(pcall(function() return json.null end))
      assert(json.nothing == nil)
    `);
    expect(lines[0]).toMatch(
      /^false\tmain\.lua:2: json\.null does not exist: JSON null decodes to nil/,
    );
  });

  it('counts an array with a null inside as the platform does (# is the last index)', async () => {
    await passes(`
      assert(#json.decode('[1,null,3]') == 3)
      assert(#json.decode('[null,null,3]') == 3)
      assert(#json.decode('[1,null]') == 1)
    `);
  });

  it('makes integer literals Lua integers and literals with . or e floats (decode_v2.go:100-113)', async () => {
    await passes(`
      local v = json.decode('[1, -0, 2.0, 3e2, 1E1, 0.5, -17, 123456789012345]')
      assert(math.type(v[1]) == "integer" and math.type(v[2]) == "integer")
      assert(math.type(v[3]) == "float" and v[3] == 2 and math.type(v[4]) == "float" and v[4] == 300)
      assert(math.type(v[5]) == "float" and v[6] == 0.5 and v[7] == -17)
      assert(v[8] == 123456789012345)
    `);
  });

  it.skipIf(!ENGINE_HAS_INT64)(
    'keeps integers beyond 2^53 exact (Lua 5.3 integers are 64-bit)',
    async () => {
      await passes(`
      local v = json.decode('[9007199254740993, -9223372036854775808, 9223372036854775807, 1e400]')
      assert(math.type(v[1]) == "integer" and v[1] == 9007199254740993)
      assert(v[2] == math.mininteger and v[3] == math.maxinteger)
      -- Beyond int64 the platform saturates (jsontext Token.Int).
      assert(json.decode("99999999999999999999") == math.maxinteger)
      assert(json.encode({ id = 9007199254740993 }) == '{"id":9007199254740993}')
    `);
    },
  );

  it('returns nil, err: Invalid for a non-string or empty text, Internal for bad JSON (module.go:64-81)', async () => {
    await passes(`
      local v, e = json.decode(123)
      assert(v == nil and e:kind() == errors.INVALID and e:message() == "string expected")
      v, e = json.decode("")
      assert(v == nil and e:kind() == errors.INVALID and e:message() == "empty string is not valid JSON")
      v, e = json.decode("not json")
      assert(v == nil and e:kind() == errors.INTERNAL and e:retryable() == false)
      assert(e:stack():find("^decode failed\\n"), e:stack())
      for _, bad in ipairs({ '{"a":}', '[1,]', '{"a" 1}', '"\\x01"', '"\\xff"', "[01]", '"\\\\q"' }) do
        local r, err = json.decode(bad)
        assert(r == nil and err:kind() == errors.INTERNAL, bad)
      end
    `);
  });

  it('saturates a huge integer literal at the int64 range, as jsontext Token.Int does', async () => {
    await passes(`
      local v = json.decode(string.rep("7", 300000))
      assert(v > 9.2e18 and v < 9.3e18, v)
      assert(json.decode("-" .. string.rep("7", 30)) < -9.2e18)
      assert(#json.encode({ data = string.rep("a", 2000000) }) == 2000011)
    `);
  });

  it('refuses an object with a name given twice (jsontext rejects duplicate names)', async () => {
    await passes(`
      local v, e = json.decode('{"a":1,"a":2}')
      assert(v == nil and e:kind() == errors.INTERNAL and e:message():find("duplicate"), e and e:message())
    `);
  });

  it('keeps a decoded object an object: empty, it encodes as {} (json.go:269-275)', async () => {
    await passes(`
      assert(json.encode(json.decode('{}')) == '{}')
      assert(json.encode(json.decode('{"a":null}')) == '{}')
      assert(json.encode(json.decode('[]')) == '[]')
    `);
  });

  it('refuses nesting deeper than 128 (decode_v2.go:17, 42-47)', async () => {
    await passes(`
      local ok = json.decode(string.rep("[", 129) .. string.rep("]", 129))
      assert(type(ok) == "table")
      local v, e = json.decode(string.rep("[", 130) .. string.rep("]", 130))
      assert(v == nil and e:message() == "json: maximum nesting depth exceeded")
    `);
  });

  it('reads the first value and ignores the rest, with a warning (Go streaming decoder)', async () => {
    const lines = await passes(`assert(json.decode('{"a":1} trailing').a == 1)`);
    expect(lines).toEqual(['[warn] json.decode: the text after the first JSON value is ignored']);
  });

  it('decodes strings with escapes and UTF-8 to the same bytes', async () => {
    await passes(`
      local s = json.decode('"a\\\\"b\\\\\\\\c\\\\n\\\\u00e9\\\\ud83d\\\\ude00 ü"')
      assert(s == 'a"b\\\\c\\n' .. "é😀 ü", s)
    `);
  });
});

describe('json.encode (json.go MarshalJSON, marshalTableDirect; spec.md)', () => {
  it('A2: encodes an empty table as [] and returns string, nil (module.go:47-62)', async () => {
    await passes(`
      local s, err = json.encode({})
      assert(s == "[]" and err == nil and select("#", json.encode({})) == 2)
      assert(json.encode(nil) == "null" and json.encode() == "null")
      assert(json.encode({ 1, 2, 3 }) == "[1,2,3]" and json.encode({ a = {} }) == '{"a":[]}')
    `);
  });

  it('A3: refuses sparse and mixed tables and tables inside themselves, kind Internal (json.go:21-26)', async () => {
    await passes(`
      local function fails(v, message)
        local s, err = json.encode(v)
        assert(s == nil and err:kind() == errors.INTERNAL, message)
        assert(err:message() == message, err:message())
        assert(err:stack():find("^encode failed\\n"))
      end
      fails({ [1] = "a", [3] = "c" }, "cannot encode sparse array: non-contiguous numeric keys found")
      fails({ 1, 2, nil, 4 }, "cannot encode sparse array: non-contiguous numeric keys found")
      fails({ 1, 2, name = "x" }, "cannot encode mixed-key table: table has both numeric and non-numeric keys")
      fails({ [0] = "zero", [1] = "one" }, "cannot encode mixed-key table: table has both numeric and non-numeric keys")
      local t = {}; t.self = t
      fails(t, "cannot encode recursively nested tables to JSON")
    `);
  });

  it('A3: writes NaN and infinities as null (json.go:471-474), with a warning', async () => {
    const lines = await passes(`
      assert(json.encode({ 1/0, -1/0, 0/0 }) == "[null,null,null]")
      assert(json.encode(1/0) == "null")
    `);
    // The values as Lua prints them (inf, -inf, nan or -nan).
    expect(lines).toEqual([
      '[warn] json.encode: inf is encoded as null (JSON has no NaN or infinity)',
      '[warn] json.encode: -inf is encoded as null (JSON has no NaN or infinity)',
      expect.stringMatching(
        /^\[warn\] json\.encode: -?nan is encoded as null \(JSON has no NaN or infinity\)$/,
      ),
    ]);
  });

  it('refuses nesting deeper than 128 (json.go:28, 165-167)', async () => {
    await passes(`
      local function nest(n) local t = {} for _ = 2, n do t = { t } end return t end
      assert(json.encode(nest(129)))
      local s, err = json.encode(nest(130))
      assert(s == nil and err:message() == "exceeded maximum nesting depth for JSON encoding")
    `);
  });

  it('writes numbers as Go does: integral floats as integers inside tables, no exponent (json.go:471-488)', async () => {
    await passes(`
      assert(json.encode({ 3.0, 0.5, 1e-7, 2^53, -0.0 }) == "[3,0.5,0.0000001,9007199254740992,0]")
      assert(json.encode(3.0) == "3" and json.encode(1e21) == "1e+21" and json.encode(1e-7) == "1e-7")
      assert(json.encode(42) == "42")
    `);
  });

  it('writes object keys as the platform does: numbers and booleans as text, others skipped (json.go:420-446)', async () => {
    const lines = await passes(`
      local s = json.encode({ [1.5] = "f", [true] = "b", [-1] = "n" })
      local d = json.decode(s)
      assert(d["1.5"] == "f" and d["true"] == "b" and d["-1"] == "n", s)
      assert(json.encode({ [{}] = 1 }) == "{}")
    `);
    expect(lines).toEqual([
      '[warn] json.encode: a table key that is not a string, number or boolean is skipped',
    ]);
  });

  it('writes functions as null and error objects as their message (json.go:189-202)', async () => {
    const lines = await passes(`
      assert(json.encode({ f = print }) == '{"f":null}')
      assert(json.encode({ e = errors.new("boom") }) == '{"e":"boom"}')
    `);
    expect(lines).toEqual(['[warn] json.encode: a function is encoded as null']);
  });

  it('escapes strings as Go: HTML characters in json.Marshal, plain ASCII as it is in tables', async () => {
    await passes(`
      assert(json.encode("a<b>&") == '"a\\\\u003cb\\\\u003e\\\\u0026"')
      assert(json.encode({ "a<b" }) == '["a<b"]')
      assert(json.encode({ "é\\n\\"" }) == '["é\\\\n\\\\""]')
      assert(json.encode("\\1") == '"\\\\u0001"')
      assert(json.encode("a\\255b") == '"a\\\\ufffdb"', "an invalid byte is written as the escape")
    `);
  });
});

describe('json.validate and json.validate_string (json.go:523-611, spec.md)', () => {
  it('returns true, or false and an Invalid error naming what failed', async () => {
    await passes(`
      local schema = { type = "object", properties = { name = { type = "string" },
        age = { type = "number", minimum = 0 } }, required = { "name" } }
      assert(json.validate(schema, { name = "John", age = 30 }) == true)
      assert(select("#", json.validate(schema, { name = "John" })) == 1)
      local ok, err = json.validate(schema, { age = 30 })
      assert(ok == false and err:kind() == errors.INVALID and err:retryable() == false)
      assert(err:message():find("name"), err:message())
      assert(err:stack():find("^validation failed\\n"))
      assert(json.validate('{"type":"number","minimum":0}', 42) == true)
      assert(json.validate_string(schema, '{"name":"Jane","age":25}') == true)
      ok, err = json.validate_string(schema, '{"age":-1}')
      assert(ok == false and err:kind() == errors.INVALID)
      ok, err = json.validate_string(schema, '{oops')
      assert(ok == false and err:kind() == errors.INVALID)
    `);
  });

  it('checks its arguments first, as the platform (json.go:523-577)', async () => {
    await passes(`
      local function refuses(message, ok, err)
        assert(ok == false and err:kind() == errors.INVALID and err:message() == message, err and err:message())
      end
      refuses("schema is required", json.validate(nil, { name = "John" }))
      refuses("data is required", json.validate({ type = "object" }, nil))
      refuses("schema must be a string or table", json.validate(42, 1))
      refuses("schema is required", json.validate_string(nil, "{}"))
      refuses("data must be a JSON string", json.validate_string({ type = "object" }, 5))
      local ok, err = json.validate('{"type": 12}', 1)
      assert(ok == false and err:stack():find("^compile schema\\n"))
    `);
  });

  it('validates with JSON Schema 2020-12 keywords', async () => {
    await passes(`
      local schema = '{"type":"array","prefixItems":[{"type":"string"},{"type":"integer"}],"items":false}'
      assert(json.validate_string(schema, '["a", 1]') == true)
      assert(json.validate_string(schema, '["a", 1, 2]') == false)
      local dyn = { ["$defs"] = { pos = { type = "integer", exclusiveMinimum = 0 } },
        type = "object", properties = { n = { ["$ref"] = "#/$defs/pos" } } }
      assert(json.validate(dyn, { n = 3 }) == true and json.validate(dyn, { n = 0 }) == false)
    `);
  });

  it('reads format as an annotation only, as 2020-12 does by default', async () => {
    await passes(`
      assert(json.validate({ type = "string", format = "email" }, "not an address") == true)
      assert(json.validate({ type = "string", format = "email" }, 5) == false)
      -- a "format" inside a value is data, not a keyword
      local exact = { const = { format = "x" } }
      assert(json.validate(exact, { format = "x" }) == true)
      assert(json.validate(exact, {}) == false)
    `);
  });
});

describe('json.validate with a draft-07 schema', () => {
  it('reads it as 2020-12, with a warning', async () => {
    const lines = await passes(`
      local schema = '{"$schema":"http://json-schema.org/draft-07/schema#","type":"object",' ..
        '"properties":{"a":{"$ref":"#/definitions/s"}},"definitions":{"s":{"type":"string"}}}'
      assert(json.validate_string(schema, '{"a":"x"}') == true)
      assert(json.validate_string(schema, '{"a":1}') == false)
    `);
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(line).toMatch(/^\[warn\] json\.validate: the schema names draft-07/);
  });
});

describe('the json module', () => {
  it('has exactly the platform functions (module.go:18-23)', async () => {
    const lines = await passes(`
      local names = {}
      for k in pairs(json) do names[#names + 1] = k end
      table.sort(names)
      print(table.concat(names, ","))
    `);
    expect(lines).toEqual(['decode,encode,validate,validate_string']);
  });
});
