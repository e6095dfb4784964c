-- Lives a moment, then fails: an error exit, so links get LINK_DOWN.
local function main()
  time.sleep("20ms")
  error("child failed on purpose")
end

return { main = main }
