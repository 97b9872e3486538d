-- presence: join or leave a presence channel's member list, atomically (laravel-echo-server did a GET then a SET, so
-- concurrent joins lost members).
-- The list stays laravel-echo-server's format, readable by the tools that read it: one JSON array (a string value) of
-- {user_id, user_info, socketId}, one entry per socket, oldest first. Entries are kept byte for byte (split, never
-- re-encoded), so tools and clients receiving presence:subscribed see exactly what was written.
-- KEYS[1] <keyPrefix>presence-<channel>:members; KEYS[2] this instance's registry set of "<socketId> <channel>" (what
--   the instance must remove from the lists if it dies without leaving: purged at its next start); KEYS[3] the set of
--   "<socketId> <channel>" of every instance's members (the union of the registries)
-- ARGV[1] "join" or "leave"; ARGV[2] the channel name
--   join:  ARGV[3] socket id; ARGV[4] the member JSON, socketId included; ARGV[5..n] sockets of this instance whose
--          member must go (gone without their leave reaching Redis). An entry of the same socket is replaced
--          (re-subscribe), never duplicated. Entries no instance owns are dropped too: members left by a stopped
--          laravel-echo-server, which the reference dropped at a join as well (it kept only sockets in the room on
--          its own process, which with several servers dropped live members of the others). A value that is not a
--          JSON array is replaced.
--   leave: ARGV[3..n] socket ids. Leaving without a member, or a channel without a list, changes nothing and creates
--          no key (laravel-echo-server crashed here, or created an empty key).
-- Returns for a join {the array now, the socket's replaced entry or nil, dropped entry, dropped entry, ...}, for a
-- leave {the array now (nil when the key does not exist), removed entry, removed entry, ...}.
local function split(text)
  local items, depth, start, in_string, escaped = {}, 0, nil, false, false
  if not text or not string.find(text, '^%s*%[') then return nil end
  local open = string.find(text, '%[')
  for i = open + 1, #text do
    local c = string.sub(text, i, i)
    if in_string then
      if escaped then escaped = false elseif c == '\\' then escaped = true elseif c == '"' then in_string = false end
    elseif c == '"' then
      in_string = true; start = start or i
    elseif c == '{' or c == '[' then
      depth = depth + 1; start = start or i
    elseif (c == '}' or c == ']') and depth > 0 then
      depth = depth - 1
    elseif (c == ',' or c == ']') and depth == 0 then
      if start then table.insert(items, (string.gsub(string.sub(text, start, i - 1), '%s+$', ''))) end
      start = nil
      if c == ']' then return items end
    elseif not string.find(c, '%s') then
      start = start or i
    end
  end
  return nil
end

local function socket_of(item)
  local ok, decoded = pcall(cjson.decode, item)
  if ok and type(decoded) == 'table' then return decoded['socketId'] end
  return nil
end

local channel = ARGV[2]
local joining = ARGV[1] == 'join' and ARGV[3] or nil
local first_gone = joining and 5 or 3
if ARGV[1] ~= 'join' and ARGV[1] ~= 'leave' then
  return redis.error_reply('presence: ARGV[1] must be join or leave')
end
local gone = {}
for i = first_gone, #ARGV do
  gone[ARGV[i]] = true
  redis.call('srem', KEYS[2], ARGV[i] .. ' ' .. channel)
  redis.call('srem', KEYS[3], ARGV[i] .. ' ' .. channel)
end
if joining then
  redis.call('sadd', KEYS[2], joining .. ' ' .. channel)
  redis.call('sadd', KEYS[3], joining .. ' ' .. channel)
end

local function owned(socket)
  return socket and redis.call('sismember', KEYS[3], socket .. ' ' .. channel) == 1
end

local current = redis.call('get', KEYS[1])
local items = split(current)
if not joining and not items then return {current} end
local kept, removed, replaced = {}, {}, false
for _, item in ipairs(items or {}) do
  local socket = socket_of(item)
  if joining and socket == joining then
    replaced = replaced or item
  elseif gone[socket] or (joining and not owned(socket)) then
    table.insert(removed, item)
  else
    table.insert(kept, item)
  end
end
if joining then
  table.insert(kept, ARGV[4])
elseif #removed == 0 then
  return {current}
end
local value = '[' .. table.concat(kept, ',') .. ']'
redis.call('set', KEYS[1], value)
local reply = {value}
if joining then table.insert(reply, replaced) end
for _, item in ipairs(removed) do table.insert(reply, item) end
return reply
