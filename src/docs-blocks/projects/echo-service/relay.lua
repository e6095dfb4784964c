-- Registers "relay"; each "echo" message {sender, data} becomes a worker spawned for it.
local function main()
  process.registry.register("relay")
  local inbox = process.inbox()
  while true do
    local msg = inbox:receive()
    if msg:topic() == "echo" then
      local echo = msg:payload():data()
      process.spawn("app:worker", "app:processes", echo.sender, echo.data)
    end
  end
end

return { main = main }
