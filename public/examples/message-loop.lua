-- Message loop (original page: メッセージループ).
-- The loop runs until the connection closes; here handle_message closes it after the
-- third message so the example ends by itself.
local client = assert(websocket.connect("wss://api.example.com/ws"))
for i = 1, 3 do
    client:send(json.encode({ seq = i, text = "message " .. i }))
end

-- Names the page leaves undefined:
local handled = 0
local function handle_message(data)
    handled = handled + 1
    print("handled " .. data.seq .. " " .. data.text)
    if handled == 3 then
        client:close()
    end
end

local ch = client:channel()

while true do
    local msg, ok = ch:receive()
    if not ok then
        break  -- 接続がクローズ
    end

    if msg.type == "text" then
        local data = json.decode(msg.data)
        handle_message(data)
    end
end

print("loop ended after " .. handled .. " messages")
