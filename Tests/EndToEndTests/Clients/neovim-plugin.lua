-- Headless Neovim (0.7.2 API) driving the Preflight plugin in editor-integration/neovim
-- against `preflight serve`: a missing binary is reported once, one client serves every
-- prompt buffer, hover, code lens (also after an edit), the context-window diagnostic,
-- :PreflightEstimate (buffer and range) and :PreflightCheck. Writes one result per line to
-- $PREFLIGHT_NVIM_RESULT and quits with an error status (cquit) when a check failed;
-- Tests/EndToEndTests/NeovimPluginTests.swift runs it in `make test`. By hand, from the
-- repository root:
--   PREFLIGHT_BIN=/tmp/preflight-dev/preflight PREFLIGHT_MODELS=$PWD/models PREFLIGHT_NVIM_RESULT=/tmp/r.txt nvim --headless -u NONE -i NONE -n -c 'luafile Tests/EndToEndTests/Clients/neovim-plugin.lua'; echo "exit $?"; cat /tmp/r.txt
local bin = os.getenv('PREFLIGHT_BIN') or 'preflight'
local out = os.getenv('PREFLIGHT_NVIM_RESULT') or '/dev/stdout'
local script = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p')
local clients_dir = vim.fn.fnamemodify(script, ':h')
local repo = vim.fn.fnamemodify(script, ':h:h:h:h')
local fixture_catalog = clients_dir .. '/fixtures/tiny-context-catalog.json'
-- The fixture's economy model holds 64 tokens (16 of them output): the short prompt fits,
-- the long one added later does not.
local tiny_model = 'tiny-window'

local lines, failures = {}, 0
local function say(s) table.insert(lines, s) end
local function fail(s) failures = failures + 1; say('error: ' .. s) end
local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(table.concat(lines, '\n') .. '\n')
  f:close()
  vim.cmd(failures == 0 and 'qa!' or 'cquit')
end

-- Everything the plugin tells the user, to check what it said and how often.
local notices = {}
vim.notify = function(msg, level) table.insert(notices, { msg = tostring(msg), level = level }) end
local function notices_matching(text, level)
  local found = {}
  for _, n in ipairs(notices) do
    if n.msg:find(text, 1, true) and (level == nil or n.level == level) then table.insert(found, n) end
  end
  return found
end

local function write_file(path, text)
  local f = assert(io.open(path, 'w'))
  f:write(text)
  f:close()
end

local function lens_title(bufnr)
  local lenses = vim.lsp.codelens.get(bufnr)
  local lens = lenses[1]
  return lens and lens.command and lens.command.title or nil
end

local function main()
  vim.o.hidden = true
  vim.opt.runtimepath:append(repo .. '/editor-integration/neovim')
  local preflight = require('preflight')
  local v = vim.version()
  say(string.format('nvim %d.%d.%d', v.major, v.minor, v.patch))
  say('api ' .. (vim.lsp.start and 'vim.lsp.start' or 'vim.lsp.start_client'))

  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  local short = { "Translate 'good morning' into French.", 'Reply with the translation only.' }
  write_file(dir .. '/a.prompt', 'first\n')
  write_file(dir .. '/b.prompt.md', '# second\n')
  write_file(dir .. '/main.prompt', table.concat(short, '\n') .. '\n')
  write_file(dir .. '/notes.txt', 'not a prompt\n')

  -- 1. A binary that is not there: one error, with the install command, for two buffers.
  preflight.setup({ path = dir .. '/no-such-preflight' })
  vim.cmd('edit ' .. dir .. '/a.prompt')
  vim.cmd('edit ' .. dir .. '/b.prompt.md')
  local missing = notices_matching('make install PREFIX=~/.local', vim.log.levels.ERROR)
  say('missing-notices ' .. #missing)
  if #missing ~= 1 then fail('expected one "cannot run the server" error, got ' .. vim.inspect(notices)) end
  if preflight.info().client_id ~= nil then fail('a client started without a binary') end

  -- 2. The real server; setup() again attaches the prompt buffers already open.
  preflight.setup({
    cmd = { bin, 'serve' },
    init_options = {
      catalogPath = fixture_catalog,
      defaultModel = tiny_model,
      budget = { balance = 5 },
      debounceMs = 50,
    },
  })
  vim.cmd('edit ' .. dir .. '/notes.txt')
  vim.cmd('edit ' .. dir .. '/main.prompt')
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local ready = vim.wait(15000, function()
    local i = preflight.info()
    return i.initialized and vim.lsp.buf_is_attached(bufnr, i.client_id)
  end, 20)
  if not ready then fail('the server did not start and attach: ' .. vim.inspect(notices)); return end
  local info = preflight.info()
  local client = vim.lsp.get_client_by_id(info.client_id)
  say('attached ' .. (vim.lsp.buf_is_attached(bufnr, info.client_id) and 'yes' or 'no'))
  -- a.prompt, b.prompt.md and main.prompt share one client; notes.txt is not a prompt.
  local shared = #info.buffers == 3
  for _, b in ipairs(info.buffers) do
    if vim.api.nvim_buf_get_name(b):match('notes%.txt$') then shared = false end
  end
  say('shared-client ' .. (shared and 'yes' or 'no') .. ' (' .. #info.buffers .. ' buffers)')
  if not shared then fail('expected the three prompt buffers on one client, got ' .. vim.inspect(info.buffers)) end

  local version = type(info.server_info) == 'table' and info.server_info.version or 'none'
  say('server-version ' .. tostring(version))
  local old = version == 'none' or preflight.compare_versions(version, preflight.minimum_server_version) < 0
  local warned = #notices_matching('needs ' .. preflight.minimum_server_version, vim.log.levels.WARN) > 0
  say('version-warning ' .. (warned and 'yes' or 'no'))
  if warned ~= old then fail('version warning ' .. tostring(warned) .. ' for server version ' .. tostring(version)) end

  local caps = client.server_capabilities or {}
  local commands = type(caps.executeCommandProvider) == 'table' and caps.executeCommandProvider.commands or {}
  say(string.format('capabilities hover=%s codeLens=%s commands=%s', tostring(caps.hoverProvider ~= nil),
    tostring(caps.codeLensProvider ~= nil), table.concat(commands, ',')))
  if not caps.hoverProvider or not caps.codeLensProvider or #commands == 0 then
    fail('the server advertises no text-document features (an older server?)')
    return
  end

  -- 3. Hover, as vim.lsp.buf.hover() asks for it.
  local replies = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = 0, character = 3 } }, 10000) or {}
  local hover = replies[info.client_id] or {}
  local value = hover.result and hover.result.contents and hover.result.contents.value or ''
  say('hover-kind ' .. tostring(hover.result and hover.result.contents and hover.result.contents.kind))
  say('hover-first ' .. (value:match('^[^\n]*') or ''))
  for _, needle in ipairs({ 'Preflight', 'tok', 'credits', tiny_model }) do
    local has = value:find(needle, 1, true) ~= nil
    say('hover-has ' .. needle .. ' ' .. (has and 'yes' or 'no'))
    if not has then fail('hover lacks "' .. needle .. '": ' .. vim.inspect(hover)) end
  end

  -- 4. The lens the plugin asked for on attach (no refresh from this script).
  if not vim.wait(10000, function() return lens_title(bufnr) ~= nil end, 50) then
    fail('no code lens after attach')
    return
  end
  local first_title = lens_title(bufnr)
  say('lens ' .. first_title)
  if not (first_title:find(' tok · ', 1, true) and first_title:find('credits', 1, true)
      and first_title:find(tiny_model, 1, true)) then
    fail('unexpected lens title')
  end
  -- Drawn as virtual text on the lens line.
  -- (0.7 has no "all namespaces" for nvim_buf_get_extmarks, hence the loop.)
  local drawn = false
  for _, ns in pairs(vim.api.nvim_get_namespaces()) do
    for _, mark in ipairs(vim.api.nvim_buf_get_extmarks(bufnr, ns, 0, -1, { details = true })) do
      for _, chunk in ipairs((mark[4] or {}).virt_text or {}) do
        if chunk[1] == first_title then drawn = true end
      end
    end
  end
  say('lens-drawn ' .. (drawn and 'yes' or 'no'))
  if not drawn then fail('the lens is not shown as virtual text') end

  -- 5. :PreflightEstimate through the plugin's function and through the commands.
  local whole, part
  preflight.estimate({ bufnr = bufnr, on_result = function(err, result) whole = { err = err, result = result } end })
  preflight.estimate({ bufnr = bufnr, line1 = 1, line2 = 1, on_result = function(err, result) part = { err = err, result = result } end })
  if not vim.wait(10000, function() return whole ~= nil and part ~= nil end, 20) then fail('estimate timed out'); return end
  if whole.err or part.err then fail('estimate: ' .. vim.inspect(whole.err or part.err)); return end
  say('estimate-tokens ' .. tostring(whole.result.tokens.input))
  say('estimate-model ' .. tostring(whole.result.recommendation.tier) .. ' ' .. tostring(whole.result.recommendation.model))
  say('estimate-range-tokens ' .. tostring(part.result.tokens.input))
  if not (whole.result.tokens.input > 0 and part.result.tokens.input > 0 and part.result.tokens.input < whole.result.tokens.input) then
    fail('the first line should count fewer tokens than the buffer')
  end
  local before = #notices
  vim.cmd('PreflightEstimate')
  vim.cmd('1,1PreflightEstimate')
  vim.wait(10000, function() return #notices_matching('Preflight estimate') >= 2 end, 20)
  local shown = notices_matching('Preflight estimate')
  say('estimate-notices ' .. #shown .. ' (of ' .. (#notices - before) .. ' new)')
  if #shown < 2 then fail('the commands showed no estimate: ' .. vim.inspect(notices)); return end
  say('estimate-shown ' .. shown[1].msg:gsub('\n', ' | '))
  say('estimate-range-shown ' .. shown[2].msg:match('^[^\n]*'))
  if not shown[2].msg:find('line 1', 1, true) then fail('the range estimate does not say its range') end

  -- 6. :PreflightCheck: the configured budget (balance 5), then an explicit tiny balance.
  local with_setting, with_balance
  preflight.check({ bufnr = bufnr, on_result = function(err, result) with_setting = { err = err, result = result } end })
  preflight.check({ bufnr = bufnr, balance = 0.000000001, on_result = function(err, result) with_balance = { err = err, result = result } end })
  if not vim.wait(10000, function() return with_setting ~= nil and with_balance ~= nil end, 20) then fail('check timed out'); return end
  if with_setting.err or with_balance.err then fail('check: ' .. vim.inspect(with_setting.err or with_balance.err)); return end
  say('check-setting-allowed ' .. tostring(with_setting.result.allowed))
  say('check-balance-allowed ' .. tostring(with_balance.result.allowed))
  if with_setting.result.allowed ~= true or with_balance.result.allowed ~= false then
    fail('expected allowed with 5 credits and refused with 0.000000001')
  end
  vim.cmd('PreflightCheck 5')
  vim.wait(10000, function() return #notices_matching('Preflight check:') >= 1 end, 20)
  local checked = notices_matching('Preflight check:')
  say('check-shown ' .. (checked[1] and checked[1].msg:match('^[^\n]*') or 'none'))
  if #checked == 0 then fail(':PreflightCheck showed nothing') end

  -- 7. No context-window diagnostic for the short prompt; then a long edit: the lens
  --    changes (first through the server's workspace/codeLens/refresh alone) and the
  --    diagnostic appears.
  local function context_diagnostic()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == 'context-window' then return d end
    end
  end
  vim.wait(2000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  say('context-window-before ' .. (context_diagnostic() and 'yes' or 'no'))
  if context_diagnostic() then fail('the short prompt already overflows the fixture model') end

  local refreshes_before = preflight.info().server_refreshes
  local long = {}
  for i = 1, 30 do
    long[i] = 'Point ' .. i .. ': the quarterly review covered revenue, hiring, the new office and the product roadmap.'
  end
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, long)
  local by_server = vim.wait(10000, function()
    local t = lens_title(bufnr)
    return t ~= nil and t ~= first_title
  end, 50)
  say('server-refreshes ' .. (preflight.info().server_refreshes - refreshes_before))
  say('lens-updated-by ' .. (by_server and 'server-refresh' or 'polling'))
  local changed = by_server or vim.wait(10000, function()
    vim.lsp.codelens.refresh()
    local t = lens_title(bufnr)
    return t ~= nil and t ~= first_title
  end, 500)
  say('lens-after ' .. tostring(lens_title(bufnr)))
  if not changed then fail('the lens did not change after the edit') end

  if not vim.wait(10000, function() return context_diagnostic() ~= nil end, 50) then
    fail('no context-window diagnostic: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  else
    local d = context_diagnostic()
    say(string.format('diagnostic %s severity %s source %s: %s', d.code, tostring(d.severity), tostring(d.source), d.message))
  end

  -- 8. Shutdown.
  vim.lsp.stop_client(info.client_id)
  local stopped = vim.wait(10000, function() return vim.lsp.get_client_by_id(info.client_id) == nil end, 20)
  say('stopped ' .. (stopped and 'yes' or 'no'))
  if not stopped then fail('the server did not stop') end
end

local ok, err = pcall(main)
if not ok then fail(tostring(err)) end
finish()
