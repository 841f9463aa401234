-- wrk script: POST /v1/moderate with review bodies read from the file named by $BODIES
-- (one JSON object per line), cycling through them; each thread starts at a different line.
local bodies = {}
local counter = 0

local function load()
  local path = os.getenv("BODIES")
  assert(path, "set BODIES to a JSON Lines file of request bodies")
  for line in io.lines(path) do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  assert(#bodies > 0, "no request bodies in " .. path)
end

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 97)
end

function init(args)
  load()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local i = 0
function request()
  i = i + 1
  local body = bodies[((i + (offset or 0)) % #bodies) + 1]
  return wrk.format("POST", nil, nil, body)
end
