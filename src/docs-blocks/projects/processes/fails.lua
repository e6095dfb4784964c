-- Fails at once: an error exit, so links get LINK_DOWN.
return { main = function() error("worker failed on purpose") end }
