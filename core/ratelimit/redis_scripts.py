"""Lua sources of `RedisStore`: each runs atomically on the server and reads the clock with `TIME`.

A quota counter is one sorted set `<stem>:log`: score = grant time (server ms), member =
`<cumulative units, 16 digits>:<units>`. Times never decrease along the cumulative count, so the first
and last members give the units in the log, and expired grants leave with one ZREMRANGEBYSCORE.
The key's TTL ends when its newest grant stops counting.
"""

from __future__ import annotations

from typing import Final

_NOW: Final = "local t = redis.call('TIME')\nlocal now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"

_LOG: Final = """
local function ms(x) return string.format('%.0f', x) end
local function member(cum, units) return string.format('%016.0f:%.0f', cum, units) end
local function parse(m)
  local c, u = string.match(m, '^(%d+):(%d+)$')
  return tonumber(c), tonumber(u)
end
-- (cumulative total before the oldest entry, cumulative total at the newest, newest time or nil)
local function state(key)
  local first = redis.call('ZRANGE', key, 0, 0)
  if #first == 0 then return 0, 0, nil end
  local fc, fu = parse(first[1])
  local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  return fc - fu, parse(last[1]), tonumber(last[2])
end
"""

# KEYS: counter stems; ARGV: (units, limit, span_ms) per key. Returns {wait_ms, server_ms}.
RESERVE: Final = (
    _NOW
    + _LOG
    + """
local wait, keys = 0, {}
for i = 1, #KEYS do
  local units, limit, span = tonumber(ARGV[3*i-2]), tonumber(ARGV[3*i-1]), tonumber(ARGV[3*i])
  local key = KEYS[i] .. ':log'
  keys[i] = key
  redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. ms(now - span))
  local base, last = state(key)
  local excess = last - base + units - limit
  if excess > 0 then
    -- walk from the oldest grant to the one whose expiry frees `excess` units (span + 1 if none does)
    local left, off, found = span + 1, 0, false
    while not found do
      local chunk = redis.call('ZRANGE', key, off, off + 31, 'WITHSCORES')
      if #chunk == 0 then break end
      for j = 1, #chunk, 2 do
        if parse(chunk[j]) - base >= excess then
          left, found = tonumber(chunk[j + 1]) + span + 1 - now, true
          break
        end
      end
      off = off + 32
    end
    if left > wait then wait = left end
  end
end
if wait > 0 then return {wait, now} end
for i = 1, #KEYS do
  local units, span = tonumber(ARGV[3*i-2]), tonumber(ARGV[3*i])
  local _, last, newest = state(keys[i])
  local at = now
  if newest and newest > at then at = newest end
  redis.call('ZADD', keys[i], ms(at), member(last + units, units))
  redis.call('PEXPIRE', keys[i], at - now + span + 1)
end
return {0, now}
"""
)

# KEYS[1]: counter stem; ARGV: window_ms, used. Charges what the venue counted in its window beyond our grants.
OBSERVE: Final = (
    _NOW
    + _LOG
    + """
local window, used = tonumber(ARGV[1]), tonumber(ARGV[2])
local key = KEYS[1] .. ':log'
redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. ms(now - 2 * window))
local start = now - now % window
local before, last, newest = state(key)
local older = redis.call('ZREVRANGEBYSCORE', key, '(' .. ms(start), '-inf', 'LIMIT', 0, 1)
if #older > 0 then before = parse(older[1]) end
local missing = used - (last - before)
if missing > 0 then
  local at = start
  if newest and newest > at then at = newest end
  redis.call('ZADD', key, ms(at), member(last + missing, missing))
  local ttl = at - now + 2 * window + 1
  if redis.call('PTTL', key) < ttl then redis.call('PEXPIRE', key, ttl) end
end
return now
"""
)

# KEYS[1]: block key; ARGV: remaining_ms, reason. Keeps the later of the stored and the new block.
BLOCK: Final = (
    _NOW
    + """
local left = tonumber(ARGV[1])
local untl = now + left
if untl > tonumber(redis.call('HGET', KEYS[1], 'until') or '0') then
  redis.call('HSET', KEYS[1], 'until', string.format('%.0f', untl), 'reason', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], left)
end
return now
"""
)

# KEYS: block keys. Returns {remaining_ms, reason, server_ms} of the latest block in force, or {0, '', server_ms}.
BLOCKED: Final = (
    _NOW
    + """
local best, reason = 0, ''
for i = 1, #KEYS do
  local v = redis.call('HMGET', KEYS[i], 'until', 'reason')
  local u = tonumber(v[1])
  if u and u > now and u > best then best, reason = u, v[2] end
end
if best == 0 then return {0, '', now} end
return {best - now, reason, now}
"""
)

# KEYS[1]: claim key; ARGV[1]: owner token. Deletes the claim only if this owner still holds it.
RELEASE: Final = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
