-- Closing a connection (original page: 接続のクローズ).
-- The first close sends code 1000 and waits for the server's close frame. As on the
-- platform, the two closes after it change nothing: the connection is gone, so they
-- return false and an error ("websocket connection not found"), which the page ignores.
local client = assert(websocket.connect("wss://api.example.com/ws"))

-- 通常のクローズ（コード1000）
client:close()

-- コードと理由を指定
client:close(websocket.CLOSE_CODES.NORMAL, "Session ended")

-- エラークローズ
client:close(websocket.CLOSE_CODES.INTERNAL_ERROR, "Processing failed")

-- Playground addition (not on the platform): close_info() tells how the close ended.
print("close code:", client:close_info())
local ok, err = client:close()
-- tostring: the platform's print writes a boolean as an empty string.
print("closing again:", tostring(ok), err:message())

-- A close code and reason on a fresh connection:
local other = assert(websocket.connect("wss://api.example.com/ws"))
other:close(websocket.CLOSE_CODES.NORMAL, "Done")
print("closed with", websocket.CLOSE_CODES.NORMAL, "Done")
