-- Basic receive (original page: 基本受信). The echo server returns what we send.
local client = assert(websocket.connect("wss://api.example.com/ws"))
client:send("hello from Lua")

local ch = client:channel()

local msg, ok = ch:receive()
if ok then
    print("Type: " .. msg.type)  -- "text"または"binary"
    print("Data: " .. msg.data)
end

client:close()
