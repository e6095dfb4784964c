/** The table library, pairs and ipairs under wippy; rows of platform-lua.md "tables", "iteration". */
import { describe, expect, it } from 'vitest';
import { printed, warnings, wippy } from './run-wippy.ts';

describe('table library (wippy)', () => {
  it('concats numbers as go-lua writes them and clamps the range (rows table.concat)', async () => {
    expect(
      await printed(`
        print(table.concat({1, 2.5, 3.0}, ","))
        print("[" .. table.concat({"a", "b"}, "", 3, 2) .. "]")
        print("[" .. table.concat({"a", "b"}, "", 3) .. "]", table.concat({"a", "b", "c"}, "-", 0, 9))
        print(table.concat({"x", errors.new("e")}, " "))
        print(select(2, pcall(table.concat, {1, {}, 3})))
      `),
    ).toEqual([
      '1,2.5,3',
      '[b]',
      '[] a-b-c',
      'x e',
      'invalid value (table) at index 2 in table for concat',
    ]);
  });

  it('inserts at any position without error, with warnings (rows table.insert)', async () => {
    expect(
      await printed(`
        local t = {1, 2, 3}
        table.insert(t, 6, "far")
        table.insert(t, 0, "zero")
        print(t[6], t[0], t[4])
        local u = {"a", "b"}
        table.insert(u, 1, "x", "ignored")
        print(table.concat(u, ","))
        local v = {} table.insert(v, nil) print(#v)
        print(select(2, pcall(table.insert, {})))
      `),
    ).toEqual(['far zero ', 'x,a,b', '0', 'wrong number of arguments']);
    expect(await warnings('local t = {}\ntable.insert(t, 5, 1)\ntable.insert(t, 1, 2, 3)')).toEqual(
      [
        '2: table.insert: position 5 is outside 1..#t+1 (1); the platform stores t[5] without shifting where Lua 5.3 raises; write t[5] = v if that is meant',
        '3: table.insert: the platform ignores the 1 extra argument(s); insert one value per call',
      ],
    );
  });

  it('removes as go-lua: past the end nil, below 1 the last (row table.remove(t, #t+5))', async () => {
    expect(
      await printed(`
        local t = {1, 2, 3, 4}
        print(tostring(table.remove(t, 9)), table.remove(t, 0), table.remove(t, 1), table.remove(t), #t)
        print(tostring(table.remove({})))
      `),
    ).toEqual(['nil 4 1 3 1', 'nil']);
  });

  it('has getn, maxn, create, freeze, isfrozen, unpack and no pack or move (rows table.pack…, table.getn…)', async () => {
    expect(
      await printed(`
        local t = {1, 2, 3}
        print(table.getn(t), math.type(table.getn(t)), table.maxn(t), table.unpack(t))
        print(type(table.pack), type(table.move), type(table.create(4, 4)))
        print(tostring(table.isfrozen(t)), tostring(table.freeze(t) == t), tostring(table.isfrozen(t)))
      `),
    ).toEqual(['3 float 3 1 2 3', 'nil nil table', 'false true true']);
  });

  it('sorts without the invalid order function error (row table.sort inconsistent)', async () => {
    expect(
      await printed(`
        local t = {} for i = 1, 40 do t[i] = (i * 7919) % 41 end
        table.sort(t)
        local ok = true for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
        print(tostring(ok))
        table.sort(t, function(a, b) return true end)
        print(#t)
        local s = {"b", "a", "c"} table.sort(s, function(a, b) return a > b end) print(table.concat(s))
      `),
    ).toEqual(['true', '40', 'cba']);
  });

  it('keeps equal elements in order for small arrays (Go insertion sort up to 12)', async () => {
    expect(
      await printed(`
        local t = {{k=1, n="a"}, {k=0, n="b"}, {k=1, n="c"}, {k=0, n="d"}}
        table.sort(t, function(x, y) return x.k < y.k end)
        local names = {} for i, v in ipairs(t) do names[i] = v.n end
        print(table.concat(names))
      `),
    ).toEqual(['bdac']);
  });
});

describe('pairs and ipairs (wippy)', () => {
  it('visits the array part first, in order, then the other keys (row order of pairs)', async () => {
    expect(
      await printed(`
        local t = {x = 1, y = 2}
        t[3] = "c" t[1] = "a" t[2] = "b"
        local keys = {}
        for k in pairs(t) do keys[#keys + 1] = tostring(k) end
        print(keys[1], keys[2], keys[3], #keys)
      `),
    ).toEqual(['1 2 3 5']);
  });

  it('gives array-part keys as floats, ipairs integers (row for k in pairs({"x"}) key type)', async () => {
    expect(
      await printed(`
        for k in pairs({"x"}) do print(math.type(k)) end
        for k in pairs({"x", y = 1}) do if k ~= "y" then print(math.type(k)) end end
        for i in ipairs({"x"}) do print(math.type(i)) end
        print(math.type((next({"x"}))))
      `),
    ).toEqual(['float', 'float', 'integer', 'float']);
  });

  it('keeps one order per table within a run, and visits every key once', async () => {
    expect(
      await printed(`
        local t = {} for i = 1, 20 do t["k" .. i] = i end
        local a, b = {}, {}
        for k in pairs(t) do a[#a + 1] = k end
        for k in pairs(t) do b[#b + 1] = k end
        local seen, sum = {}, 0 for _, k in ipairs(a) do seen[k] = true end
        for _ in pairs(seen) do sum = sum + 1 end
        print(table.concat(a, ",") == table.concat(b, ","), #a, sum)
        local n = 0 local k, v = next(t) while k do n = n + 1 k, v = next(t, k) end print(n)
      `),
    ).toEqual([' 20 20', '20'].map((line) => line.replace(/^ /, ' ')));
  });

  it('varies the order of string keys from run to run', async () => {
    const code = `
      local t = {} for i = 1, 12 do t["key" .. i] = i end
      local keys = {} for k in pairs(t) do keys[#keys + 1] = k end
      print(table.concat(keys, ","))`;
    const orders = new Set<string>();
    for (let run = 0; run < 4; run++) orders.add((await printed(code))[0]);
    expect(orders.size).toBeGreaterThan(1);
  });

  it('warns once, at the first loop over string keys (row order of pairs)', async () => {
    expect(
      await warnings(
        'local t = {1, 2}\nfor k in pairs(t) do end\nfor k in pairs({a = 1}) do end\nfor k in pairs({b = 1}) do end',
      ),
    ).toEqual([
      '3: pairs: the platform visits string keys in an order that changes from run to run (the array part comes first, in order); sort the keys when the order matters',
    ]);
  });

  it('ignores __pairs and __index (row pairs honours __pairs? ipairs honours __index?)', async () => {
    expect(
      await printed(`
        local t = setmetatable({}, {__pairs = function() error("called") end})
        local n = 0 for _ in pairs(t) do n = n + 1 end
        local p = setmetatable({}, {__index = function(_, i) if i < 3 then return i end end})
        local m = 0 for _ in ipairs(p) do m = m + 1 end
        print(n, m)
      `),
    ).toEqual(['0 0']);
  });

  it('allows clearing fields while iterating', async () => {
    const r = await wippy(`
      local t = {} for i = 1, 10 do t["k" .. i] = i end
      for k in pairs(t) do t[k] = nil end
      print(next(t) == nil and "empty" or "left")
    `);
    expect(r.lines.filter((l) => !l.startsWith('[warn]'))).toEqual(['empty']);
  });
});
