-- Spawned with a greeting: answers the first "messages" message's sender with it, then ends
-- (or ends after a second when nobody writes).
local function main(greeting)
  local ch = process.listen("messages", { message = true })
  local r = channel.select({ ch:case_receive(), time.after("1s"):case_receive() })
  if r.channel == ch and r.value:from() then
    process.send(r.value:from(), "reply", greeting)
  end
  return greeting
end

return { main = main }
