-- Preflight for Neovim: runs `preflight serve` for prompt files and shows what the server
-- says (code lens, hover, diagnostics) plus :PreflightEstimate and :PreflightCheck.
--
-- Written against Neovim 0.7's API (vim.lsp.start_client, vim.api.nvim_create_autocmd,
-- vim.api.nvim_create_user_command, vim.keymap.set), which the project's tests drive
-- headless; newer versions get vim.lsp.start, picked by feature detection.
local M = {}

-- The server release that brought hover, code lens, diagnostics and the preflight.*
-- commands (issue #9). An older server still answers `initialize`, so without this check
-- the plugin would silently show nothing.
M.minimum_server_version = '0.2.0'

local defaults = {
  -- The server binary: `cmd` wins when given; otherwise `path` (default `preflight`, looked
  -- up on PATH) is run with `serve`.
  cmd = nil,
  path = 'preflight',
  -- The models directory (catalog, routing, vocabularies) given to the server as
  -- PREFLIGHT_MODELS. nil leaves the environment alone, so an exported PREFLIGHT_MODELS or
  -- an installed binary's own share/preflight/models is used.
  models_dir = nil,
  -- Buffers whose file name matches one of these autocmd patterns go to the server.
  patterns = { '*.prompt', '*.prompt.md' },
  -- Sent as initializationOptions and, when setup() runs again while the server is up, as
  -- workspace/didChangeConfiguration: defaultModel, budget, catalogPath, routingPath,
  -- debounceMs.
  init_options = {},
  -- Milliseconds after the last edit before the lens is asked for again. The server also
  -- asks for a refresh after each analysis; this covers a server that does not.
  lens_debounce_ms = 300,
  -- A key (e.g. 'K') to map to vim.lsp.buf.hover() in prompt buffers; false maps nothing.
  hover_key = false,
  -- The hover window (options of vim.lsp.util.open_floating_preview). The report is long,
  -- so it gets a border and a bounded size. Used by Neovim 0.7-0.10, whose hover goes
  -- through the client's handler; 0.11's vim.lsp.buf.hover(config) takes its own options.
  hover_float = { border = 'rounded', max_width = 100, max_height = 30 },
  -- Called as on_attach(client, bufnr) after the plugin's own attach work.
  on_attach = nil,
}

local config = vim.deepcopy(defaults)

-- One client for every prompt buffer: the server's state is per document, so one process
-- serves them all and a second one would only cost memory and start-up time.
local state = {
  client_id = nil,
  server_info = nil,     -- serverInfo from the initialize result
  missing_reported = {}, -- binary path -> true once the "not found" error was shown
  version_warned = false,
  ready_queue = {},      -- callbacks waiting for the client to finish initializing
  lens = {},             -- bufnr -> {pending, again, timer}
  server_refreshes = 0,  -- workspace/codeLens/refresh requests received
}

local augroup_name = 'preflight'
local uv = vim.uv or vim.loop -- vim.loop is the 0.7 name

local function notify(message, level)
  vim.notify('Preflight: ' .. message, level or vim.log.levels.INFO)
end

-- `client.request` became a method (`client:request`) in 0.11, which warns about the old form.
local method_calls = vim.fn.has('nvim-0.11') == 1

local function client_request(client, method, params, handler, bufnr)
  if method_calls then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function client_notify(client, method, params)
  if method_calls then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

local function server_cmd()
  if config.cmd then
    return vim.deepcopy(config.cmd)
  end
  return { vim.fn.expand(config.path or 'preflight'), 'serve' }
end

-- Semantic version comparison of "MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]": -1, 0 or 1.
-- A pre-release sorts before its release (0.2.0-rc1 < 0.2.0), as in semver.org.
function M.compare_versions(a, b)
  local function parse(v)
    local core, pre = tostring(v):gsub('%+.*$', ''):match('^v?([%d%.]+)%-?(.*)$')
    if not core then
      return nil
    end
    local parts = {}
    for n in core:gmatch('%d+') do
      parts[#parts + 1] = tonumber(n)
    end
    return parts, pre
  end
  local pa, prea = parse(a)
  local pb, preb = parse(b)
  if not pa or not pb then
    return nil
  end
  for i = 1, math.max(#pa, #pb) do
    local x, y = pa[i] or 0, pb[i] or 0
    if x ~= y then
      return x < y and -1 or 1
    end
  end
  if prea == preb then
    return 0
  end
  if prea == '' then
    return 1
  end
  if preb == '' then
    return -1
  end
  return prea < preb and -1 or 1
end

local function check_server_version(server_info)
  state.server_info = server_info
  if state.version_warned then
    return
  end
  local version = type(server_info) == 'table' and server_info.version or nil
  local cmp = version and M.compare_versions(version, M.minimum_server_version)
  if cmp == nil or cmp < 0 then
    state.version_warned = true
    local shown = version and ('version ' .. version) or 'a server that reports no version'
    vim.schedule(function()
      notify(string.format(
        '%s found at %s; this plugin needs %s or later for the code lens, hover and diagnostics. '
          .. 'Update it from a clone of the repository: git pull && make install PREFIX=~/.local',
        shown, vim.fn.exepath(server_cmd()[1]), M.minimum_server_version), vim.log.levels.WARN)
    end)
  end
end

-- Says once per binary (not once per buffer) that the server cannot be run, and how to
-- install it; returns the executable's path or nil.
local function find_server()
  local binary = server_cmd()[1]
  if vim.fn.executable(binary) == 1 then
    return vim.fn.exepath(binary) ~= '' and vim.fn.exepath(binary) or binary
  end
  if not state.missing_reported[binary] then
    state.missing_reported[binary] = true
    notify(string.format(
      'cannot run the server `%s` (not on PATH or not executable). Install it from a clone of '
        .. 'the repository with `make install PREFIX=~/.local` and put ~/.local/bin on PATH, or '
        .. "give its full path: require('preflight').setup{ path = '/path/to/preflight' }",
      binary), vim.log.levels.ERROR)
  end
  return nil
end

local function get_client()
  if not state.client_id then
    return nil
  end
  local client = vim.lsp.get_client_by_id(state.client_id)
  if client == nil then
    return nil
  end
  local stopped
  if method_calls then
    stopped = client:is_stopped()
  else
    stopped = client.is_stopped()
  end
  if stopped then
    return nil
  end
  return client
end

-- Neovim keeps a stopped client's lenses (and draws them) per client id; after a restart
-- they would sit next to the new server's.
local function clear_lenses(client_id)
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      if vim.lsp.codelens.clear then
        vim.lsp.codelens.clear(client_id, bufnr)
      else
        -- 0.7/0.8: the module names its namespace per client so.
        vim.lsp.codelens.save({}, bufnr, client_id)
        local ns = vim.api.nvim_create_namespace('vim_lsp_codelens:' .. client_id)
        vim.api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
      end
    end
  end
end

-- After the server stops: requests in flight will never be answered, so nothing may wait
-- for them.
local function forget_client()
  if state.client_id then
    clear_lenses(state.client_id)
  end
  state.client_id, state.ready_queue, state.server_info = nil, {}, nil
  for _, lens in pairs(state.lens) do
    lens.pending, lens.again = false, false
  end
end

local function is_attached(bufnr)
  return state.client_id ~= nil and vim.api.nvim_buf_is_valid(bufnr)
    and vim.lsp.buf_is_attached(bufnr, state.client_id)
end

-- Runs fn(client) once the client has finished `initialize`. The queue is run from on_init
-- through vim.schedule, so after the client has sent didOpen for the buffers attached
-- while it was starting: a request about a document must reach the server after it.
local function when_ready(fn)
  local client = get_client()
  if client and client.initialized then
    fn(client)
  else
    table.insert(state.ready_queue, fn)
  end
end

local function flush_ready_queue()
  local queue = state.ready_queue
  state.ready_queue = {}
  local client = get_client()
  for _, fn in ipairs(queue) do
    if client then
      fn(client)
    end
  end
end

-- Code lens -------------------------------------------------------------------------------

-- Asks for the buffer's lenses and lets Neovim's codelens module store and draw them
-- (virtual text on the lens line; vim.lsp.codelens.get() returns them). At most one
-- request per buffer is in flight; a refresh asked for meanwhile runs when it returns, so
-- the last one always sees the latest text.
function M.refresh_lenses(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = get_client()
  if not client or not client.initialized or not is_attached(bufnr) then
    return
  end
  local lens = state.lens[bufnr] or {}
  state.lens[bufnr] = lens
  if lens.pending then
    lens.again = true
    return
  end
  lens.pending = true
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
  client_request(client, 'textDocument/codeLens', params, function(err, result, ctx, cfg)
    lens.pending = false
    if vim.api.nvim_buf_is_valid(bufnr) then
      ctx = ctx or {}
      ctx.bufnr, ctx.client_id, ctx.method = bufnr, client.id, 'textDocument/codeLens'
      vim.lsp.codelens.on_codelens(err, result, ctx, cfg)
    end
    if lens.again then
      lens.again = false
      M.refresh_lenses(bufnr)
    end
  end, bufnr)
end

local function schedule_lens_refresh(bufnr)
  local lens = state.lens[bufnr] or {}
  state.lens[bufnr] = lens
  if not lens.timer then
    lens.timer = uv.new_timer()
  end
  lens.timer:stop()
  lens.timer:start(config.lens_debounce_ms, 0, vim.schedule_wrap(function()
    M.refresh_lenses(bufnr)
  end))
end

local function drop_buffer_state(bufnr)
  local lens = state.lens[bufnr]
  if lens and lens.timer then
    lens.timer:stop()
    lens.timer:close()
  end
  state.lens[bufnr] = nil
end

-- The server asks for this after each analysis when the client says refreshSupport. Neovim
-- 0.7 has no handler for it (an unhandled server request is answered "method not found"),
-- so the plugin refreshes the lenses of the prompt buffers on screen and answers null.
local function on_codelens_refresh(_, _, ctx)
  state.server_refreshes = state.server_refreshes + 1
  local seen = {}
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    local bufnr = vim.api.nvim_win_get_buf(win)
    if not seen[bufnr] and is_attached(bufnr) then
      seen[bufnr] = true
      M.refresh_lenses(bufnr)
    end
  end
  return vim.NIL
end

-- The hover window with the hover_float options. Neovim 0.7-0.9 colour it with Vim's
-- markdown syntax, which marks the `_` inside a word (o200k_base, cl100k_base: in every
-- Preflight hover) as an error, drawn as a red block; that one group is cleared there.
local function on_hover(err, result, ctx, cfg)
  local opts = vim.tbl_extend('force', vim.deepcopy(config.hover_float or {}), cfg or {})
  local float_buf, float_win = vim.lsp.handlers.hover(err, result, ctx, opts)
  if float_win and vim.api.nvim_win_is_valid(float_win) then
    vim.api.nvim_win_call(float_win, function() pcall(vim.cmd, 'silent! syntax clear markdownError') end)
  end
  return float_buf, float_win
end

-- Results ---------------------------------------------------------------------------------

local function group_digits(n)
  local s = tostring(math.floor(n + 0.5))
  local sign, digits = s:match('^(-?)(%d+)$')
  if not digits then
    return s
  end
  return sign .. digits:reverse():gsub('(%d%d%d)', '%1,'):reverse():gsub('^,', '')
end

-- Credits to two significant digits, never in exponent notation (the lens writes them so).
function M.format_credits(x)
  if type(x) ~= 'number' then
    return tostring(x)
  end
  if x == 0 then
    return '0'
  end
  local magnitude = math.floor(math.log10(math.abs(x)))
  local decimals = 1 - magnitude
  if decimals <= 0 then
    local scale = 10 ^ (-decimals)
    return group_digits(math.floor(x / scale + 0.5) * scale)
  end
  -- Two significant digits, without the trailing zero of e.g. 0.0000010.
  local s = string.format('%.' .. decimals .. 'f', x):gsub('(%.%d-)0+$', '%1'):gsub('%.$', '')
  return s
end

local function range_text(range)
  if not range then
    return 'whole buffer'
  end
  local first, last = range.start.line + 1, range['end'].line + 1
  return first == last and ('line ' .. first) or string.format('lines %d–%d', first, last)
end

-- The few lines :PreflightEstimate shows.
function M.format_estimate(result, range)
  local tokens = result.tokens or {}
  local count = (tokens.exact == false and '~' or '') .. group_digits(tokens.input or 0) .. ' tok'
  if tokens.range then
    count = count .. string.format(' (%s–%s)', group_digits(tokens.range.low), group_digits(tokens.range.high))
  end
  -- The priced model (the recommendation may be null when no model can hold the prompt).
  local model = type(result.model) == 'table' and result.model or {}
  local cost = result.cost or {}
  local lines = {
    'Preflight estimate (' .. range_text(range) .. ')',
    string.format('%s · %s → %s', count, tostring(model.tier), tostring(model.id)),
    string.format('%s credits', M.format_credits(cost.credits)),
  }
  if cost.range then
    lines[3] = lines[3] .. string.format(' (range %s–%s)', M.format_credits(cost.range.low), M.format_credits(cost.range.high))
  end
  if type(result.tiers) == 'table' and #result.tiers > 0 then
    local others = {}
    for _, t in ipairs(result.tiers) do
      -- A tier with no model in the catalog has no price.
      local priced = type(t.credits) == 'number'
      others[#others + 1] = string.format('%s %s', t.tier, priced and M.format_credits(t.credits) or '—')
    end
    lines[#lines + 1] = 'tiers: ' .. table.concat(others, ' · ')
  end
  for _, w in ipairs(type(result.warnings) == 'table' and result.warnings or {}) do
    -- Each warning is {field?, message} (a plain string from older servers).
    lines[#lines + 1] = 'warning: ' .. tostring(type(w) == 'table' and w.message or w)
  end
  return table.concat(lines, '\n')
end

function M.format_check(result)
  local lines = {
    'Preflight check: ' .. (result.allowed and 'allowed' or 'REFUSED'),
    tostring(result.reason),
    string.format('%s credits · %s → %s', M.format_credits(result.credits), tostring(result.tier), tostring(result.model)),
  }
  if result.balanceAfter ~= nil and result.balanceAfter ~= vim.NIL then
    lines[3] = lines[3] .. ' · balance after ' .. M.format_credits(result.balanceAfter)
  end
  if result.remainingLimit ~= nil and result.remainingLimit ~= vim.NIL then
    lines[3] = lines[3] .. ' · limit left ' .. M.format_credits(result.remainingLimit)
  end
  if type(result.alerts) == 'table' and #result.alerts > 0 then
    local shares = {}
    for _, a in ipairs(result.alerts) do
      shares[#shares + 1] = string.format('%d%%', math.floor(a * 100 + 0.5))
    end
    lines[#lines + 1] = 'alerts: ' .. table.concat(shares, ', ') .. ' of the limit reached'
  end
  return table.concat(lines, '\n')
end

local function error_text(err)
  local text = err.message or vim.inspect(err)
  if type(err.data) == 'table' and err.data.field then
    text = text .. ' (' .. tostring(err.data.field) .. ')'
  end
  return text
end

-- A line's length in the client's position encoding, for a range that ends at its end.
local function line_length(line, encoding)
  if encoding == 'utf-8' then
    return #line
  end
  local utf32, utf16 = vim.str_utfindex(line)
  return encoding == 'utf-32' and utf32 or utf16
end

-- Attaching --------------------------------------------------------------------------------

local function lsp_config()
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  capabilities.workspace = capabilities.workspace or {}
  capabilities.workspace.codeLens = { refreshSupport = true }
  local env = nil
  if config.models_dir then
    env = { PREFLIGHT_MODELS = vim.fn.expand(config.models_dir) }
  end
  local init_options = config.init_options
  if init_options == nil or next(init_options) == nil then
    init_options = nil -- an empty Lua table would go out as a JSON array
  end
  return {
    name = 'preflight',
    cmd = server_cmd(),
    cmd_env = env,
    root_dir = uv.cwd(),
    init_options = init_options,
    capabilities = capabilities,
    -- A `*.prompt` buffer has no filetype; the server accepts any languageId but an empty
    -- one says nothing.
    get_language_id = function(_, filetype)
      return (filetype ~= nil and filetype ~= '') and filetype or 'prompt'
    end,
    handlers = {
      ['workspace/codeLens/refresh'] = on_codelens_refresh,
      -- 0.11's vim.lsp.buf.hover() no longer goes through handlers (and deprecates them).
      ['textDocument/hover'] = (not method_calls) and on_hover or nil,
    },
    -- Running the lens (vim.lsp.codelens.run()) estimates the document and shows it, rather
    -- than sending the command and discarding its result as Neovim does by default.
    commands = {
      ['preflight.estimate'] = function(command, ctx)
        local args = (command.arguments or {})[1] or {}
        M.estimate({ bufnr = ctx.bufnr, range = args.range })
        -- Neovim clears the lens line before running a lens; draw it again.
        M.refresh_lenses(ctx.bufnr)
      end,
    },
    on_init = function(client, result)
      check_server_version(result and result.serverInfo)
      vim.schedule(flush_ready_queue)
    end,
    on_exit = function(_, _, client_id)
      vim.schedule(function()
        if state.client_id == client_id then
          forget_client()
        end
      end)
    end,
  }
end

local function on_buffer_attached(bufnr)
  local group = vim.api.nvim_create_augroup(augroup_name .. '_buf_' .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd('BufEnter', {
    group = group, buffer = bufnr,
    callback = function() M.refresh_lenses(bufnr) end,
  })
  vim.api.nvim_create_autocmd({ 'TextChanged', 'TextChangedI', 'InsertLeave' }, {
    group = group, buffer = bufnr,
    callback = function() schedule_lens_refresh(bufnr) end,
  })
  vim.api.nvim_create_autocmd({ 'BufUnload', 'BufWipeout' }, {
    group = group, buffer = bufnr,
    callback = function() drop_buffer_state(bufnr) end,
  })
  if config.hover_key then
    vim.keymap.set('n', config.hover_key, vim.lsp.buf.hover, { buffer = bufnr, desc = 'Preflight hover' })
  end
  when_ready(function(client)
    M.refresh_lenses(bufnr)
    if config.on_attach then
      config.on_attach(client, bufnr)
    end
  end)
end

-- Attaches `bufnr` (default: current) to the shared client, starting the server if needed.
-- Returns the client id, or nil when the server cannot be run.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not vim.api.nvim_buf_is_loaded(bufnr) or vim.api.nvim_buf_get_name(bufnr) == ''
      or vim.bo[bufnr].buftype ~= '' then
    return nil -- not a file: no URI the server could report on
  end
  if is_attached(bufnr) then
    return state.client_id
  end
  local client = get_client()
  if client then
    vim.lsp.buf_attach_client(bufnr, client.id)
    on_buffer_attached(bufnr)
    return client.id
  end
  if not find_server() then
    return nil
  end
  local client_id
  if vim.lsp.start then
    -- 0.8.0's vim.lsp.start attaches the current buffer (opts.bufnr came later), hence
    -- nvim_buf_call; reuse_client keeps it to this plugin's single client.
    vim.api.nvim_buf_call(bufnr, function()
      client_id = vim.lsp.start(lsp_config(), {
        bufnr = bufnr,
        reuse_client = function(c) return c.id == state.client_id end,
      })
    end)
  else
    client_id = vim.lsp.start_client(lsp_config())
    if client_id then
      vim.lsp.buf_attach_client(bufnr, client_id)
    end
  end
  if not client_id then
    return nil
  end
  state.client_id = client_id
  on_buffer_attached(bufnr)
  return client_id
end

local function matches_patterns(name)
  for _, pattern in ipairs(config.patterns or {}) do
    if vim.fn.match(name, vim.fn.glob2regpat(pattern)) >= 0 then
      return true
    end
  end
  return false
end

-- Commands ---------------------------------------------------------------------------------

-- Runs a preflight.* command for the buffer once it is attached and the server is ready.
local function execute(bufnr, command, argument, on_result)
  if not M.attach(bufnr) then
    on_result({ message = 'the server is not running (see the earlier message)' }, nil)
    return
  end
  when_ready(function(client)
    local params = { command = command, arguments = { argument } }
    client_request(client, 'workspace/executeCommand', params, function(err, result)
      on_result(err, result)
    end, bufnr)
  end)
end

-- Estimates the buffer, or the lines opts.line1..opts.line2 (1-based, inclusive), or the
-- LSP range opts.range. opts.on_result(err, result) receives the server's answer (the
-- object preflight/estimate returns); without it the result is shown with vim.notify.
function M.estimate(opts)
  opts = opts or {}
  local bufnr = (opts.bufnr == nil or opts.bufnr == 0) and vim.api.nvim_get_current_buf() or opts.bufnr
  local range = opts.range
  if not range and opts.line1 and opts.line2 then
    local last = vim.api.nvim_buf_get_lines(bufnr, opts.line2 - 1, opts.line2, false)[1] or ''
    local client = get_client()
    local encoding = client and client.offset_encoding or 'utf-16'
    range = {
      start = { line = opts.line1 - 1, character = 0 },
      ['end'] = { line = opts.line2 - 1, character = line_length(last, encoding) },
    }
  end
  local argument = { uri = vim.uri_from_bufnr(bufnr), range = range }
  execute(bufnr, 'preflight.estimate', argument, function(err, result)
    if opts.on_result then
      return opts.on_result(err, result)
    end
    if err then
      notify('estimate failed: ' .. error_text(err), vim.log.levels.ERROR)
    else
      vim.notify(M.format_estimate(result, range), vim.log.levels.INFO)
    end
  end)
end

-- Checks the buffer against a budget: opts.balance (credits) over the configured
-- init_options.budget, or that budget alone. opts.on_result as for estimate().
function M.check(opts)
  opts = opts or {}
  local bufnr = (opts.bufnr == nil or opts.bufnr == 0) and vim.api.nvim_get_current_buf() or opts.bufnr
  local budget = nil
  if opts.balance ~= nil then
    budget = vim.tbl_extend('force', vim.deepcopy((config.init_options or {}).budget or {}), { balance = opts.balance })
  elseif not (config.init_options or {}).budget then
    local message = 'no budget: give a balance (:PreflightCheck 5) or set init_options.budget in setup()'
    if opts.on_result then
      return opts.on_result({ message = message }, nil)
    end
    return notify(message, vim.log.levels.ERROR)
  end
  -- Without `budget` in the arguments the server uses the budget setting it was given.
  local argument = { uri = vim.uri_from_bufnr(bufnr), budget = budget }
  execute(bufnr, 'preflight.check', argument, function(err, result)
    if opts.on_result then
      return opts.on_result(err, result)
    end
    if err then
      notify('check failed: ' .. error_text(err), vim.log.levels.ERROR)
    else
      vim.notify(M.format_check(result), result.allowed and vim.log.levels.INFO or vim.log.levels.WARN)
    end
  end)
end

-- What :PreflightInfo shows; also read by the tests.
function M.info()
  local client = get_client()
  local buffers = {}
  if client then
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if is_attached(bufnr) then
        buffers[#buffers + 1] = bufnr
      end
    end
  end
  return {
    cmd = server_cmd(),
    executable = vim.fn.exepath(server_cmd()[1]),
    client_id = client and client.id or nil,
    initialized = client and client.initialized or false,
    server_info = state.server_info,
    minimum_server_version = M.minimum_server_version,
    models_dir = config.models_dir or vim.env.PREFLIGHT_MODELS,
    buffers = buffers,
    server_refreshes = state.server_refreshes,
    uses_vim_lsp_start = vim.lsp.start ~= nil,
  }
end

local function create_commands()
  vim.api.nvim_create_user_command('PreflightEstimate', function(o)
    if o.range > 0 then
      M.estimate({ line1 = o.line1, line2 = o.line2 })
    else
      M.estimate({})
    end
  end, { range = true, desc = 'Preflight: tokens, tier, model and cost of the buffer or the range' })
  vim.api.nvim_create_user_command('PreflightCheck', function(o)
    local balance = nil
    if o.args ~= '' then
      balance = tonumber(o.args)
      if not balance then
        return notify('the balance must be a number of credits, not "' .. o.args .. '"', vim.log.levels.ERROR)
      end
    end
    M.check({ balance = balance })
  end, { nargs = '?', desc = 'Preflight: check the buffer against a budget (optional balance in credits)' })
  vim.api.nvim_create_user_command('PreflightInfo', function()
    local i = M.info()
    local version = type(i.server_info) == 'table' and i.server_info.version or '?'
    vim.notify(table.concat({
      'Preflight: ' .. table.concat(i.cmd, ' ') .. (i.executable ~= '' and (' (' .. i.executable .. ')') or ' (not found)'),
      'server version ' .. tostring(version) .. ', plugin expects ≥ ' .. i.minimum_server_version,
      'client ' .. tostring(i.client_id) .. (i.initialized and ' (running)' or ''),
      'models ' .. tostring(i.models_dir or '(the server finds its own)'),
      'buffers ' .. (#i.buffers > 0 and table.concat(i.buffers, ', ') or 'none'),
      'lens refreshes asked by the server ' .. i.server_refreshes,
    }, '\n'))
  end, { desc = 'Preflight: the server, its version and the attached buffers' })
end

-- Setup ------------------------------------------------------------------------------------

function M.setup(opts)
  local previous_options = config.init_options
  local previous_cmd, previous_models = server_cmd(), config.models_dir
  config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  -- Lists replace rather than merge (tbl_deep_extend would merge them index by index).
  if opts and opts.patterns then
    config.patterns = opts.patterns
  end
  if opts and opts.cmd then
    config.cmd = opts.cmd
  end
  -- A new binary gets its own chance to be reported missing or old.
  state.missing_reported = {}
  state.version_warned = false

  local group = vim.api.nvim_create_augroup(augroup_name, { clear = true })
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
    group = group,
    pattern = config.patterns,
    callback = function(args) M.attach(args.buf) end,
  })
  create_commands()

  local client = get_client()
  local same_server = vim.deep_equal(previous_cmd, server_cmd()) and previous_models == config.models_dir
  if client and (not same_server or not client.initialized) then
    -- Another binary or models directory, or a server whose initialize failed (e.g. a bad
    -- catalogPath: Neovim keeps such a client, never initialized): stop it; the loop below
    -- starts a new one with the new settings for the open prompt buffers.
    if method_calls then client:stop() else client.stop() end
    forget_client()
    client = nil
  end
  -- setup() run again while the server is up: send the new settings instead of restarting.
  if client and client.initialized and not vim.deep_equal(previous_options, config.init_options) then
    client_notify(client, 'workspace/didChangeConfiguration', { settings = { preflight = config.init_options } })
  end

  -- Prompt buffers opened before setup() (e.g. `nvim notes.prompt` with a lazy-loaded plugin).
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and matches_patterns(vim.api.nvim_buf_get_name(bufnr)) then
      M.attach(bufnr)
    end
  end
end

return M
