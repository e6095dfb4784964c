-- The definition a process upgrades to: says what state it was handed, then ends.
local function main(state)
  print("v2 running with state", type(state) == "table" and state.count or state)
end

return { main = main }
