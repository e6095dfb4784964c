-- Price stream with keep-alive (original page: Keep-Alive付き価格ストリーム).
-- The demo stream sends five rounds of prices and then closes with 1000, so the loop ends
-- at `not r.ok` by itself; the 30 s heartbeat would ping a longer stream.

-- Names the page leaves undefined:
local updates = 0
local function update_price(symbol, value)
    updates = updates + 1
    -- + 0.0: a price that happens to be whole arrives as an integer, and the platform's %f
    -- prints an integer as Go's "%!f(lua.LInteger=…)"; a float formats in both dialects.
    print(string.format("%-8s %10.2f", symbol, value + 0.0))
end

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
-- close_info() is a playground addition (the platform does not expose close codes).
print("stream closed after", updates, "updates:", client:close_info())
