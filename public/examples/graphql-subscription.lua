-- A GraphQL subscription over the `graphql-ws` subprotocol: connection_init, then start,
-- then `data` messages until the server sends `complete`. The demo GraphQL server answers
-- on wss://api.example.com/graphql and completes a subscription after three events.
local client, err = websocket.connect("wss://api.example.com/graphql", {
    protocols = {"graphql-ws"},
    dial_timeout = "5s",
})
if err then
    print("connect failed:", tostring(err))
    return
end
-- tostring(client) is a playground addition; the platform prints "userdata: 0x…".
print("subprotocol accepted; connected:", tostring(client))

local ch = client:channel()
local function next_message()
    local msg, ok = ch:receive()
    if not ok then return nil end
    return json.decode(msg.data)
end

client:send(json.encode({ type = "connection_init", payload = {} }))
local ack = next_message()
print("server says:", ack and ack.type)

client:send(json.encode({
    id = "1",
    type = "start",
    payload = { query = "subscription { priceUpdated(symbol: \"BTC-USD\") { value } }" },
}))

local received = 0
while true do
    local m = next_message()
    if not m then break end
    if m.type == "data" then
        received = received + 1
        local update = m.payload.data.priceUpdated
        -- + 0.0: a whole value arrives as an integer, which the platform's %f does not format.
        print(string.format("update %d of %d: %.2f", update.seq, update.of, update.value + 0.0))
    elseif m.type == "complete" then
        print("subscription complete after", received, "updates")
        break
    elseif m.type == "error" then
        print("error:", json.encode(m.payload))
        break
    end
end

client:send(json.encode({ type = "connection_terminate" }))
client:close()
