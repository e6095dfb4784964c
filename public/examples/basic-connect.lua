-- Basic connection (original page: 接続 / 基本接続).
-- The demo-hosts mapping routes api.example.com to the built-in echo server.
local websocket = require("websocket")

local client, err = websocket.connect("wss://api.example.com/ws")
if err then
    return nil, err
end

-- tostring(client) is a playground addition; the platform prints "userdata: 0x…".
print("connected: " .. tostring(client))
client:close()
print("closed")
