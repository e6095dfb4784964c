-- Works briefly on its id and ends normally with a result.
local function main(id)
  time.sleep("10ms")
  return "task " .. tostring(id) .. " done"
end

return { main = main }
