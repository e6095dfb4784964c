-- Runs until it is cancelled (CANCEL on its events), then ends normally.
local function main()
  local events = process.events()
  while true do
    local event = events:receive()
    if event.kind == process.event.CANCEL then return "cancelled" end
  end
end

return { main = main }
