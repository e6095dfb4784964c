-- Sending text messages (original page: テキストメッセージ), against the echo server.
local client = assert(websocket.connect("wss://api.example.com/ws"))

local function main()
    local ok, err = client:send("Hello, Server!")
    if err then
        return nil, err
    end

    -- JSONを送信
    client:send(json.encode({
        type = "subscribe",
        channel = "orders"
    }))
end

main()

-- Read back what the echo server returned.
local ch = client:channel()
for _ = 1, 2 do
    local msg = ch:receive()
    print("echo: " .. msg.data)
end
client:close()
