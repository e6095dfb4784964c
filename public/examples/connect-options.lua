-- Connection with options (original page: オプション付き).
-- Names the page leaves undefined:
local token = "demo-token"

local client, err = websocket.connect("wss://api.example.com/ws", {
    headers = {
        ["Authorization"] = "Bearer " .. token
    },
    protocols = {"graphql-ws"},
    dial_timeout = "10s",
    read_timeout = "30s",
    compression = websocket.COMPRESSION.CONTEXT_TAKEOVER
})

if err then
    print("connect failed: " .. tostring(err))
    return
end
-- tostring(client) is a playground addition; the platform prints "userdata: 0x…".
print("connected: " .. tostring(client))
client:close()
print("closed")
