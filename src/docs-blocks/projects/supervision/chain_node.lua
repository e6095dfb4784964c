-- One link of a chain: spawns the next (linked) while depth remains, then waits; the
-- default trap_links = false makes a failure above end it.
local function main(depth)
  if depth > 0 then process.spawn_linked("app.workers:chain_node", "app:processes", depth - 1) end
  process.inbox():receive()
end

return { main = main }
