-- A cache hit: answers at once.
return { main = function(key) return "cached " .. tostring(key) end }
