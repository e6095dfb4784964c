-- Answers sender with {data = DATA in capitals, worker = its pid}.
local function main(sender, data)
  process.send(sender, "echo_response", { data = string.upper(data), worker = process.pid() })
end

return { main = main }
