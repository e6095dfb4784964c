-- Closing a connection (original page: 接続のクローズ).
-- The first close sends code 1000; closing again is a no-op that returns true.
local client = assert(websocket.connect("wss://api.example.com/ws"))

-- 通常のクローズ（コード1000）
client:close()

-- コードと理由を指定
client:close(websocket.CLOSE_CODES.NORMAL, "Session ended")

-- エラークローズ
client:close(websocket.CLOSE_CODES.INTERNAL_ERROR, "Processing failed")

-- Wait for the close handshake to finish, then show what it reported.
local ch = client:channel()
while select(2, ch:receive()) do end
print("close code:", client:close_info())

-- A close code and reason on a fresh connection:
local other = assert(websocket.connect("wss://api.example.com/ws"))
other:close(websocket.CLOSE_CODES.NORMAL, "Done")
print("closed with", websocket.CLOSE_CODES.NORMAL, "Done")
