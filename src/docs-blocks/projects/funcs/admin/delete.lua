-- Deletes nothing; says which record it would have deleted.
return { main = function(id) return { deleted = id } end }
