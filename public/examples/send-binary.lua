-- Sending a binary message (original page: バイナリメッセージ).
-- Names the page leaves undefined: every byte value 0..255, so the echo proves nothing is lost.
local bytes = {}
for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
local binary_data = table.concat(bytes)

local client = assert(websocket.connect("wss://api.example.com/ws"))

client:send(binary_data, websocket.BINARY)

local msg = client:channel():receive()
-- tostring: the platform's print writes a boolean as an empty string.
print("type:", msg.type, "bytes:", #msg.data, "identical:", tostring(msg.data == binary_data))
client:close()
