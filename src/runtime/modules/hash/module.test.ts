/**
 * `require("hash")` under the wippy dialect, asserted in Lua: each function's results against
 * node:crypto (computed here, handed to Lua), the raw flag as go-lua's truth, FNV-1a numbers,
 * error values (kind Invalid, not retryable, the module's texts) and argument rules as
 * runtime/lua/modules/hash/module.go has them.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { luaAsserts, runLua } from '../../run-for-test.ts';

const runWippy = (code: string) =>
  luaAsserts(
    `local hash = require("hash")
${code}`,
    { dialect: 'wippy' },
  );

/** A Lua string literal of any bytes. */
const luaBytes = (bytes: Uint8Array) => `"${Array.from(bytes, (b) => `\\${b}`).join('')}"`;

const DIGESTS = ['md5', 'sha1', 'sha256', 'sha512'];
/** Text and binary data (NUL, high bytes: a Lua string is bytes, never re-encoded). */
const DATA = [
  Buffer.from(''),
  Buffer.from('hello'),
  Buffer.from([0, 255, 128, 10, 0]),
  Buffer.from('x'.repeat(1000)),
];
const SECRETS = [
  Buffer.from(''),
  Buffer.from('secret'),
  Buffer.from([0, 1, 254]),
  Buffer.alloc(200, 7),
];

describe('the hash module', () => {
  it('hashes data to lowercase hex as `digest, nil`, as node:crypto does', async () => {
    const checks = DIGESTS.flatMap((name) =>
      DATA.map((data) => {
        const expected = createHash(name).update(data).digest('hex');
        return `check(hash.${name}, ${luaBytes(data)}, "${expected}")`;
      }),
    );
    await runWippy(`
      local function check(f, data, expected)
        local digest, err = f(data)
        assert(digest == expected and err == nil and select("#", f(data)) == 2, digest)
      end
      ${checks.join('\n')}
      -- The docs' own example.
      assert(hash.sha256("hello") == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
    `);
  });

  it('signs data with a secret (HMAC) as node:crypto does: data first, then the secret', async () => {
    const checks = DIGESTS.flatMap((name) =>
      DATA.flatMap((data) =>
        SECRETS.map((secret) => {
          const expected = createHmac(name, secret).update(data).digest('hex');
          return `check(hash.hmac_${name}, ${luaBytes(data)}, ${luaBytes(secret)}, "${expected}")`;
        }),
      ),
    );
    await runWippy(`
      local function check(f, data, secret, expected)
        local mac, err = f(data, secret)
        assert(mac == expected and err == nil and select("#", f(data, secret)) == 2, mac)
      end
      ${checks.join('\n')}
    `);
  });

  it('returns the bytes when raw is truthy (go-lua ToBool: 0 and "" too), hex otherwise', async () => {
    await runWippy(`
      local function bytes(hex) return (hex:gsub("..", function(h) return string.char(tonumber(h, 16)) end)) end
      for _, name in ipairs({ "md5", "sha1", "sha256", "sha512" }) do
        local hex = hash[name]("hello")
        local mac = hash["hmac_" .. name]("hello", "key")
        for _, raw in ipairs({ true, 0, "", {} }) do
          assert(hash[name]("hello", raw) == bytes(hex), name)
          assert(hash["hmac_" .. name]("hello", "key", raw) == bytes(mac), name)
        end
        assert(hash[name]("hello", false) == hex and hash[name]("hello", nil) == hex)
        assert(hash["hmac_" .. name]("hello", "key", false) == mac)
        assert(#hash[name]("hello", true) * 2 == #hex)
      end
    `);
  });

  it('gives FNV-1a 32 and 64 as float numbers', async () => {
    // FNV-1a of "a" and "foobar" (the reference's vectors); the 64-bit ones as Go's float64 of
    // the uint64, which JavaScript's Number of the BigInt rounds the same way (to nearest even).
    await runWippy(`
      local n32, err = hash.fnv32("a")
      assert(n32 == ${0xe40c292c} and err == nil and math.type(n32) == "float", n32)
      assert(hash.fnv32("foobar") == ${0xbf9cf968} and hash.fnv32("") == ${0x811c9dc5})
      local n64, err64 = hash.fnv64("a")
      assert(n64 == ${Number(0xaf63dc4c8601ec8cn)} and err64 == nil and math.type(n64) == "float", n64)
      assert(hash.fnv64("foobar") == ${Number(0x85944171f73967e8n)})
      assert(hash.fnv64("") == ${Number(0xcbf29ce484222325n)})
      assert(select("#", hash.fnv32("a")) == 2 and select("#", hash.fnv64("a")) == 2)
    `);
  });

  it('refuses what is not a string with the platform texts, kind Invalid, not retryable', async () => {
    await runWippy(`
      local function refuses(text, ...)
        local value, err = ...
        assert(select("#", ...) == 2 and value == nil, tostring(value))
        assert(err:kind() == errors.INVALID and err:retryable() == false, tostring(err))
        assert(err:message() == text, err:message())
      end
      for _, name in ipairs({ "md5", "sha1", "sha256", "sha512", "fnv32", "fnv64" }) do
        -- A number is not converted: go-lua checks the type, not convertibility.
        for _, bad in ipairs({ 123, true, {} }) do refuses("data must be a string", hash[name](bad)) end
        refuses("data must be a string", hash[name]())
        refuses("data must be a string", hash[name](nil, "x"))
      end
      for _, name in ipairs({ "hmac_md5", "hmac_sha1", "hmac_sha256", "hmac_sha512" }) do
        refuses("data must be a string", hash[name](1, "secret"))
        -- Data is checked first.
        refuses("data must be a string", hash[name](1, 2))
        refuses("secret must be a string", hash[name]("data"))
        refuses("secret must be a string", hash[name]("data", 42))
      end
    `);
  });

  it('is immutable, as module.go marks it', async () => {
    await runWippy(`
      local ok, err = pcall(function() hash.sha256 = nil end)
      assert(not ok and tostring(err):find("Immutable"), tostring(err))
      assert(type(hash.sha256) == "function")
    `);
  });

  it('is no global in a lone script, and not there under lua53', async () => {
    await runLua('assert(hash == nil)', { dialect: 'wippy', stopAfterMs: 10_000 }).done.then(
      (result) => expect(result.end).toEqual({ status: 'finished' }),
    );
    const lua53 = await runLua('require("hash")', { dialect: 'lua53', stopAfterMs: 10_000 }).done;
    expect(lua53.end.status).toBe('error');
  });
});
