-- Receive with select and a keep-alive ping (original page: Selectと併用).
-- The original loops forever; here `process` stops it after three messages (the loop runs
-- inside pcall, and process raises a DONE marker that the wrapper recognises).
local client = assert(websocket.connect("wss://api.example.com/ws"))
for i = 1, 3 do
    client:send(json.encode({ n = i }))
end

-- Names the page leaves undefined:
local DONE = setmetatable({}, { __tostring = function() return "done" end })
local processed = 0
local function process(data)
    processed = processed + 1
    print("processed message " .. data.n)
    if processed == 3 then error(DONE) end
end

local finished, reason = pcall(function()
local ch = client:channel()
local timeout = time.after("30s")

while true do
    local r = channel.select {
        ch:case_receive(),
        timeout:case_receive()
    }

    if r.channel == timeout then
        client:ping()  -- Keep-alive
        timeout = time.after("30s")
    else
        local data = json.decode(r.value.data)
        process(data)
    end
end
end)

if not finished and reason ~= DONE then error(reason, 0) end
client:close()
print("done after " .. processed .. " messages")
