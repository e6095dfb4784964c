-- Counts the items of the data set it is given.
return { main = function(data) return { items = #(data or {}) } end }
