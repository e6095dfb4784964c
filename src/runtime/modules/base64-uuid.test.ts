/** The `base64` and `uuid` modules under the wippy dialect (assertions in Lua). */
import { describe, expect, it } from 'vitest';
import { luaAsserts, runLua } from '../run-for-test.ts';

const runWippy = (code: string) => luaAsserts(code, { dialect: 'wippy' });

describe('base64 and uuid', () => {
  it('encodes and decodes base64, refusing text that is not base64', async () => {
    await runWippy(`
      local base64 = require("base64")
      assert(base64.encode("hello world") == "aGVsbG8gd29ybGQ=")
      assert(base64.encode("") == "" and base64.encode("a") == "YQ==" and base64.encode("ab") == "YWI=")
      assert(base64.decode("aGVsbG8gd29ybGQ=") == "hello world")
      local bytes = "\\0\\255\\128x"
      assert(base64.decode(base64.encode(bytes)) == bytes)
      local v, err = base64.decode("not base64!")
      assert(v == nil and err:kind() == errors.INVALID)
    `);
  });

  it('makes v4 and v7 uuids', async () => {
    await runWippy(`
      local uuid = require("uuid")
      local pattern = "^%x%x%x%x%x%x%x%x%-%x%x%x%x%-(%x)%x%x%x%-[89ab]%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$"
      assert(uuid.v4():match(pattern) == "4" and uuid.v7():match(pattern) == "7")
      assert(uuid.v4() ~= uuid.v4())
      local a = uuid.v7()
      assert(#a == 36)
    `);
  });

  it('are not globals, and not there under lua53', async () => {
    await runWippy('assert(base64 == nil and uuid == nil)');
    const lua53 = await runLua('require("base64")', { dialect: 'lua53', stopAfterMs: 10_000 }).done;
    expect(lua53.end.status).toBe('error');
  });
});
