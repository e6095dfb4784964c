-- Two sockets read at once: each reader is a task started with coroutine.spawn, and the main
-- chunk waits for both on a channel. spawn passes no arguments to the function (as on the
-- platform), so each reader is started through a closure.
local done = channel.new(2)

local function reader(name, url, count)
    local client = assert(websocket.connect(url))
    for i = 1, count do
        client:send(name .. " #" .. i)
    end
    local ch = client:channel()
    for _ = 1, count do
        local msg = ch:receive()
        print(name .. " got " .. msg.data)
    end
    client:close()
    done:send(name)
end

coroutine.spawn(function() reader("left", "wss://api.example.com/ws", 3) end)
coroutine.spawn(function() reader("right", "wss://api.example.com/ws", 3) end)

for _ = 1, 2 do
    print("finished: " .. done:receive())
end
