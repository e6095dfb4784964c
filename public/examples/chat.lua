-- Real-time chat (original page: リアルタイムチャット), called as connect_chat("lobby", print_fn).
-- The demo chat room needs `Authorization: Bearer ...` (so it runs over the relay transport).
-- Like a real room it stays open; print_fn hangs up once the room's bot has greeted us, which
-- closes the channel and ends connect_chat's loop by itself.

-- Names the page leaves undefined:
local token = "demo-token"

-- Remember the client connect_chat opens, so print_fn can hang up (the page's code is unchanged).
local chat_client
local websocket = setmetatable({
    connect = function(...)
        local client, err = websocket.connect(...)
        chat_client = client
        return client, err
    end,
}, { __index = websocket })

local function print_fn(data)
    if data.type == "welcome" then
        print("welcome, " .. data.user)
    elseif data.type == "joined" then
        print(string.format("joined %s (%d in the room)", data.room, data.members))
    elseif data.type == "message" then
        print(string.format("[%s] %s: %s", data.room, data.user, data.text))
        if data.user == "bot" then
            chat_client:close(websocket.CLOSE_CODES.NORMAL, "bye")
        end
    else
        print(data.type .. " " .. json.encode(data))
    end
end

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

local _, err = connect_chat("lobby", print_fn)
if err then
    print("chat failed: " .. tostring(err))
else
    print("chat closed")
end
