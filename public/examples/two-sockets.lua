-- Two sockets read at once: each reader is a task started with coroutine.spawn, and the main
-- chunk waits for both on a channel.
local done = channel.new(2)

local function reader(name, url, count)
    local client = assert(websocket.connect(url))
    for i = 1, count do
        client:send(name .. " #" .. i)
    end
    local ch = client:channel()
    for _ = 1, count do
        local msg = ch:receive()
        print(name, "got", msg.data)
    end
    client:close()
    done:send(name)
end

coroutine.spawn(reader, "left", "wss://api.example.com/ws", 3)
coroutine.spawn(reader, "right", "wss://api.example.com/ws", 3)

for _ = 1, 2 do
    print("finished:", (done:receive()))
end
