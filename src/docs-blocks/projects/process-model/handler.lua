-- Handles its arguments briefly and ends normally.
local function main(...)
  time.sleep("10ms")
  return select("#", ...)
end

return { main = main }
