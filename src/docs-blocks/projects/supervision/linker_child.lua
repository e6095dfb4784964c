-- Gets its parent's pid as its first inbox message, links to it, confirms with "linked",
-- and ends when the parent goes down (it traps links, so LINK_DOWN is an event).
local function main()
  process.set_options({ trap_links = true })
  local events = process.events()
  local parent = process.inbox():receive():payload():data()
  process.link(parent)
  process.send(parent, "linked", process.pid())
  while events:receive().kind ~= process.event.LINK_DOWN do end
  return "parent down"
end

return { main = main }
