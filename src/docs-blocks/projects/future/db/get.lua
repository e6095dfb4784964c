-- A database read: answers after 50 ms, so the cache wins a race.
local function main(key)
  time.sleep("50ms")
  return "stored " .. tostring(key)
end

return { main = main }
