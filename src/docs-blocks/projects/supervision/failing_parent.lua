-- The star topology's parent in miniature: once a child says "linked", it fails, so the
-- child's link goes down.
local function main()
  process.inbox():receive()
  error("parent fails on purpose")
end

return { main = main }
