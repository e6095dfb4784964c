-- Constants (original page: 定数). The page lists the expressions; here they are printed.

-- 数値（送信用）
print("websocket.TEXT " .. websocket.TEXT)        -- 1
print("websocket.BINARY " .. websocket.BINARY)    -- 2

-- 文字列（受信メッセージのtypeフィールド）
print("websocket.TYPE_TEXT " .. websocket.TYPE_TEXT)      -- "text"
print("websocket.TYPE_BINARY " .. websocket.TYPE_BINARY)  -- "binary"
print("websocket.TYPE_PING " .. websocket.TYPE_PING)      -- "ping"
print("websocket.TYPE_PONG " .. websocket.TYPE_PONG)      -- "pong"
print("websocket.TYPE_CLOSE " .. websocket.TYPE_CLOSE)    -- "close"

-- 圧縮モード
print("COMPRESSION.DISABLED " .. websocket.COMPRESSION.DISABLED)                  -- 0
print("COMPRESSION.CONTEXT_TAKEOVER " .. websocket.COMPRESSION.CONTEXT_TAKEOVER)  -- 1
print("COMPRESSION.NO_CONTEXT " .. websocket.COMPRESSION.NO_CONTEXT)              -- 2

-- クローズコード
local names = {}
for name in pairs(websocket.CLOSE_CODES) do names[#names + 1] = name end
table.sort(names, function(a, b) return websocket.CLOSE_CODES[a] < websocket.CLOSE_CODES[b] end)
for _, name in ipairs(names) do
    print("CLOSE_CODES." .. name .. " " .. websocket.CLOSE_CODES[name])
end
