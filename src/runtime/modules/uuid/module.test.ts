/**
 * `require("uuid")` under the wippy dialect, asserted in Lua: each function's results, error
 * values (kind Invalid, not retryable, the module's texts) and argument rules as
 * runtime/lua/modules/uuid/module.go has them; the parse table as the docs describe it.
 */
import { describe, it } from 'vitest';
import { luaAsserts } from '../../run-for-test.ts';

const runWippy = (code: string) =>
  luaAsserts(
    `local uuid = require("uuid")
${code}`,
    { dialect: 'wippy' },
  );

const NS_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('the uuid module', () => {
  it('generates v1, v4 and v7 ids as `id, nil`', async () => {
    await runWippy(`
      local pattern = "^%x%x%x%x%x%x%x%x%-%x%x%x%x%-(%x)%x%x%x%-[89ab]%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$"
      for version, make in pairs({ [1] = uuid.v1, [4] = uuid.v4, [7] = uuid.v7 }) do
        local id, err = make()
        assert(err == nil and select("#", make()) == 2)
        assert(id:match(pattern) == tostring(version), id)
        assert(id == id:lower())
      end
      assert(uuid.v1() ~= uuid.v1() and uuid.v7() < uuid.v7())
    `);
  });

  it('makes v3 and v5 ids from a namespace and a name (RFC 9562 A.2, A.4)', async () => {
    await runWippy(`
      local v3, e3 = uuid.v3("${NS_DNS}", "www.example.com")
      assert(v3 == "5df41881-3aed-3515-88a7-2f4a814cf09e" and e3 == nil, v3)
      local v5, e5 = uuid.v5("${NS_DNS}", "www.example.com")
      assert(v5 == "2ed6657d-e927-568b-95e1-2665a8aea6a2" and e5 == nil, v5)
      -- Any form Parse takes names the namespace; the name is bytes.
      assert(uuid.v5("urn:uuid:${NS_DNS.toUpperCase()}", "www.example.com") == v5)
      assert(uuid.v3("${NS_DNS}", "\\0\\255") ~= uuid.v3("${NS_DNS}", "\\0\\254"))
    `);
  });

  it('refuses bad v3/v5 arguments with the platform texts, kind Invalid, not retryable', async () => {
    await runWippy(`
      local function refuses(text, ...)
        local id, err = ...
        assert(id == nil and err:kind() == errors.INVALID and err:retryable() == false, tostring(err))
        assert(err:message() == text, err:message())
      end
      for _, f in ipairs({ uuid.v3, uuid.v5 }) do
        refuses("namespace and name must be strings", f("${NS_DNS}"))
        refuses("namespace and name must be strings", f("${NS_DNS}", 42))
        refuses("namespace and name must be strings", f(nil, "x"))
        refuses("invalid namespace UUID", f("invalid", "x"))
      end
    `);
  });

  it('validates: true for a UUID string, false for anything else, never an error', async () => {
    await runWippy(`
      local ok, err = uuid.validate("${NS_DNS}")
      assert(ok == true and err == nil and select("#", uuid.validate(1)) == 2)
      assert(uuid.validate("{${NS_DNS}}") and uuid.validate("${NS_DNS.replaceAll('-', '')}"))
      for _, v in ipairs({ "", "not-a-uuid", "${NS_DNS}-extra", 123, true, {} }) do
        assert(uuid.validate(v) == false, tostring(v))
      end
      assert(uuid.validate() == false and uuid.validate(nil) == false)
    `);
  });

  it('reads version and variant as integers and names', async () => {
    await runWippy(`
      local v, err = uuid.version("${NS_DNS}")
      assert(v == 1 and math.type(v) == "integer" and err == nil)
      assert(uuid.version(uuid.v4()) == 4 and uuid.version("1EC9414C-232A-6B00-B3C8-9F6BDECED846") == 6)
      assert(uuid.variant("${NS_DNS}") == "RFC4122")
      assert(uuid.variant("00000000-0000-0000-c000-000000000000") == "Microsoft")
      assert(uuid.variant("00000000-0000-0000-e000-000000000000") == "Future")
      assert(uuid.variant("00000000-0000-0000-0000-000000000000") == "Reserved")
    `);
  });

  it('parses: version, variant, and time (v1, v7) and node (v1) as the docs give them', async () => {
    await runWippy(`
      local info, err = uuid.parse("C232AB00-9414-11EC-B3C8-9F6BDECED846")
      assert(err == nil and info.version == 1 and info.variant == "RFC4122")
      assert(info.timestamp == 1645557742 and math.type(info.timestamp) == "integer", info.timestamp)
      assert(info.node == "9f6bdeced846", info.node)
      local i7 = uuid.parse("017F22E2-79B0-7CC3-98C4-DC0C0C07398F")
      assert(i7.version == 7 and i7.timestamp == 1645557742 and i7.node == nil)
      local i4 = uuid.parse(uuid.v4())
      assert(i4.version == 4 and i4.timestamp == nil and i4.node == nil)
      local now = uuid.parse(uuid.v7()).timestamp
      assert(math.abs(now - os.time()) <= 2, "a new v7 carries the time")
    `);
  });

  it('formats as standard, simple or urn', async () => {
    await runWippy(`
      local upper = "${NS_DNS.toUpperCase()}"
      assert(uuid.format(upper) == "${NS_DNS}")
      assert(uuid.format(upper, "standard") == "${NS_DNS}")
      assert(uuid.format(upper, "simple") == "${NS_DNS.replaceAll('-', '')}")
      assert(uuid.format(upper, "urn") == "urn:uuid:${NS_DNS}")
      assert(uuid.format("${NS_DNS}", 5) == "${NS_DNS}", "a format that is no string is ignored")
    `);
  });

  it('refuses bad input to version, variant, parse and format', async () => {
    await runWippy(`
      local function refuses(text, id, err)
        assert(id == nil and err:kind() == errors.INVALID and err:retryable() == false)
        assert(err:message() == text, err:message())
      end
      for _, f in ipairs({ uuid.version, uuid.variant, uuid.parse, uuid.format }) do
        refuses("input must be a string", f(123))
        refuses("input must be a string", f())
        refuses("invalid UUID format", f("not-a-uuid"))
      end
      refuses("unsupported format", uuid.format("${NS_DNS}", "URN"))
      refuses("invalid UUID format", uuid.format("bad", "nonsense"))
      refuses("input must be a string", uuid.format(nil, "nonsense"))
    `);
  });

  it('is immutable, as module.go marks it', async () => {
    await runWippy(`
      local ok, err = pcall(function() uuid.v4 = nil end)
      assert(not ok and tostring(err):find("Immutable"), tostring(err))
    `);
  });
});
