-- Fetches nothing; returns the query it was given.
return { main = function(query) return { query = query } end }
