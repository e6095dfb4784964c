-- Ping (original page: Ping). A ping frame needs the relay transport in a browser:
-- with transport "direct" the call returns false and an error naming the relay.
local client = assert(websocket.connect("wss://api.example.com/ws"))

client:ping()

local ok, err = client:ping()
-- tostring: the platform's print writes a boolean as an empty string.
print("ping:", tostring(ok), err and tostring(err) or "")
client:close()
