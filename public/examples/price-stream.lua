-- Price stream with keep-alive (original page: Keep-Alive付き価格ストリーム).
-- The loop ends when the server closes the stream; update_price also closes it after a few
-- updates, so the example ends by itself however long the server would stream.
-- Names the page leaves undefined:
local MAX_UPDATES = 6
local updates = 0
local stream  -- set below, once the page's code has connected
local function update_price(symbol, value)
    updates = updates + 1
    print(string.format("%-8s %s", symbol, tostring(value)))
    if updates == MAX_UPDATES and stream then
        stream:close()
    end
end
local real_connect = websocket.connect
local websocket = setmetatable({
    connect = function(...)
        local c, e = real_connect(...)
        stream = c
        return c, e
    end,
}, { __index = websocket })

local client = websocket.connect("wss://stream.example.com/prices")

client:send(json.encode({
    action = "subscribe",
    symbols = {"BTC-USD", "ETH-USD"}
}))

local ch = client:channel()
local heartbeat = time.after("30s")

while true do
    local r = channel.select {
        ch:case_receive(),
        heartbeat:case_receive()
    }

    if r.channel == heartbeat then
        client:ping()
        heartbeat = time.after("30s")
    elseif not r.ok then
        break  -- 接続がクローズ
    else
        local price = json.decode(r.value.data)
        update_price(price.symbol, price.value)
    end
end

client:close()
print("stream closed after", updates, "updates")
