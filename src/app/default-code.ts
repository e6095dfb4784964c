/** The script a first visit opens with: short, runnable, and showing the module's shape. */
export const DEFAULT_CODE = `-- Lua WebSocket Playground: press Run (Ctrl+Enter).
-- api.example.com is routed to the built-in echo server (see "Demo hosts").
local websocket = require("websocket")

local client, err = websocket.connect("wss://api.example.com/ws")
if err then
    print("connect failed:", tostring(err))
    return
end

client:send(json.encode({ type = "hello", from = "Lua" }))

local msg, ok = client:channel():receive()
if ok then
    print("echo:", msg.data)
end

client:close(websocket.CLOSE_CODES.NORMAL, "bye")
`;

export const CHUNK_NAME = 'main.lua';
