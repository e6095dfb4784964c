-- Real-time chat (original page: リアルタイムチャット).
-- The demo chat server requires `Authorization: Bearer ...`, greets the room, sends a few
-- messages and closes, so the loop ends by itself.
-- Names the page leaves undefined:
local token = "demo-token"

local function connect_chat(room_id, on_message)
    local client, err = websocket.connect("wss://chat.example.com/ws", {
        headers = {["Authorization"] = "Bearer " .. token}
    })
    if err then
        return nil, err
    end

    -- ルームに参加
    client:send(json.encode({
        type = "join",
        room = room_id
    }))

    -- メッセージループ
    local ch = client:channel()
    while true do
        local msg, ok = ch:receive()
        if not ok then break end

        local data = json.decode(msg.data)
        on_message(data)
    end

    client:close()
end

local function print_fn(data)
    print(string.format("[%s] %s: %s", tostring(data.room or data.type), tostring(data.user or "server"), tostring(data.text or data.message or json.encode(data))))
end

local _, err = connect_chat("lobby", print_fn)
if err then
    print("chat failed:", tostring(err))
else
    print("chat closed")
end
