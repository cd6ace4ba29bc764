'use strict';
// A small Language Server Protocol client over stdio, written for Preflight's VS Code extension.
//
// It is its own code rather than `vscode-languageclient` so the extension has no npm dependencies
// and no build step (the folder is copied into ~/.vscode/extensions as it is), and so the same
// client runs under plain Node in the tests, against the real server, without VS Code.
// Only Node 18 APIs are used (Debian 12 ships nodejs 18.13).

const { spawn } = require('node:child_process');
const { EventEmitter } = require('node:events');

const HEADER_SEPARATOR = Buffer.from('\r\n\r\n', 'ascii');
// A header block larger than this without its blank line is not a header: the stream is broken.
const MAX_HEADER_BYTES = 8192;

/** One message as LSP frames it: `Content-Length` counts the BYTES of the UTF-8 body. */
function encodeFrame(message) {
    const body = JSON.stringify(message);
    const header = `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n`;
    return Buffer.concat([Buffer.from(header, 'ascii'), Buffer.from(body, 'utf8')]);
}

/**
 * Splits a byte stream into messages. Chunks may cut a frame anywhere — inside the header, the
 * body, or a multi-byte UTF-8 character — or hold several frames; the body is decoded only once
 * all its bytes are in, so a character split across chunks is never mangled.
 */
class FrameDecoder {
    constructor() {
        this.chunks = [];
        this.size = 0;
        // Body length of the frame whose header has been read, or -1 while reading a header.
        this.expected = -1;
    }

    /**
     * Adds bytes; returns what they completed: `{message}` per parsed body, `{error}` per frame
     * that could not be used (bad header or invalid JSON), in stream order.
     */
    push(chunk) {
        if (chunk.length > 0) {
            this.chunks.push(chunk);
            this.size += chunk.length;
        }
        const out = [];
        for (;;) {
            if (this.expected < 0) {
                const bytes = this.flatten();
                const end = bytes.indexOf(HEADER_SEPARATOR);
                if (end < 0) {
                    if (bytes.length > MAX_HEADER_BYTES) {
                        out.push({ error: new Error(`no header end within ${MAX_HEADER_BYTES} bytes; dropping them`) });
                        this.consume(bytes.length);
                    }
                    break;
                }
                const header = bytes.subarray(0, end).toString('ascii');
                this.consume(end + HEADER_SEPARATOR.length);
                const length = parseContentLength(header);
                if (length === null) {
                    // Nothing tells where this body ends; the next header is all we can resync on.
                    out.push({ error: new Error(`header without a valid Content-Length: ${JSON.stringify(header)}`) });
                    continue;
                }
                this.expected = length;
            }
            // Wait without copying while a large body arrives in many chunks.
            if (this.size < this.expected) break;
            const bytes = this.flatten();
            const body = bytes.subarray(0, this.expected).toString('utf8');
            this.consume(this.expected);
            this.expected = -1;
            try {
                out.push({ message: JSON.parse(body) });
            } catch (error) {
                out.push({ error: new Error(`invalid JSON body: ${error.message}`) });
            }
        }
        return out;
    }

    flatten() {
        if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
        return this.chunks[0] || Buffer.alloc(0);
    }

    consume(count) {
        const bytes = this.flatten();
        const rest = bytes.subarray(count);
        this.chunks = rest.length > 0 ? [rest] : [];
        this.size = rest.length;
    }
}

/** The `Content-Length` of a header block (fields are case-insensitive), or null. */
function parseContentLength(header) {
    for (const line of header.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
        const value = line.slice(colon + 1).trim();
        if (!/^\d+$/.test(value)) return null;
        const length = Number(value);
        return Number.isSafeInteger(length) ? length : null;
    }
    return null;
}

/** -1, 0 or 1 as dotted version `a` is older than, equal to or newer than `b` ("0.1.0" < "0.2.0"). */
function compareVersions(a, b) {
    const parse = (text) => String(text).split(/[.+-]/).slice(0, 3).map((part) => {
        const number = parseInt(part, 10);
        return Number.isFinite(number) ? number : 0;
    });
    const left = parse(a);
    const right = parse(b);
    for (let i = 0; i < 3; i++) {
        const x = left[i] || 0;
        const y = right[i] || 0;
        if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
}

/** A JSON-RPC error reply turned into an exception; keeps the server's code and data. */
class ResponseError extends Error {
    constructor(method, error) {
        super(`${method}: ${error && error.message ? error.message : 'error'} (${error ? error.code : '?'})`);
        this.name = 'ResponseError';
        this.code = error ? error.code : undefined;
        this.data = error ? error.data : undefined;
        this.serverMessage = error ? error.message : undefined;
    }
}

const METHOD_NOT_FOUND = -32601;
const INTERNAL_ERROR = -32603;

/**
 * The client: spawns the server, speaks JSON-RPC with LSP framing on its stdin/stdout.
 *
 * Events: `notification` (method, params) for every server notification, and
 * `notification:<method>` (params); `request` (method, params) for every server request (after it
 * is answered); `exit` (code, signal); `stderr` (text); `protocolError` (Error); `log` (text).
 */
class LspClient extends EventEmitter {
    /**
     * @param {object} options
     * @param {string} options.command the server binary
     * @param {string[]} [options.args] its arguments (default `["serve"]`)
     * @param {object} [options.env] its environment (default this process's)
     * @param {string} [options.cwd]
     */
    constructor(options) {
        super();
        this.command = options.command;
        this.args = options.args || ['serve'];
        this.env = options.env || process.env;
        this.cwd = options.cwd;
        this.process = null;
        this.decoder = new FrameDecoder();
        this.nextId = 1;
        this.pending = new Map();
        this.requestHandlers = new Map();
        this.exitCode = null;
        this.exitSignal = null;
        this.exited = null;
        this.spawnError = null;
        this.initializeResult = null;
        this.stderrText = '';
        // Server-to-client requests the LSP lets a client acknowledge without doing more; a
        // caller replaces them with `onRequest` when it wants to act (the extension does for
        // `workspace/codeLens/refresh`).
        this.onRequest('workspace/codeLens/refresh', () => null);
        this.onRequest('window/workDoneProgress/create', () => null);
        this.onRequest('client/registerCapability', () => null);
        this.onRequest('client/unregisterCapability', () => null);
    }

    /** Starts the process. Rejects (with `code === 'ENOENT'` when the binary is missing). */
    spawnServer() {
        return new Promise((resolve, reject) => {
            let child;
            try {
                child = spawn(this.command, this.args, { env: this.env, cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
            } catch (error) {
                reject(error);
                return;
            }
            this.process = child;
            let resolveExit;
            this.exited = new Promise((resolvePromise) => { resolveExit = resolvePromise; });
            // `close`, not `exit`: it comes after stdout is drained, so replies the server wrote
            // just before exiting are still dispatched before pending requests are failed.
            child.once('close', (code, signal) => {
                this.exitCode = code;
                this.exitSignal = signal;
                this.failPending(new Error(`the server exited (code ${code}${signal ? `, signal ${signal}` : ''})`
                    + (this.stderrText ? `; its stderr ends: ${this.stderrText.slice(-500)}` : '')));
                this.emit('exit', code, signal);
                resolveExit(code);
            });
            child.once('error', (error) => {
                // `error` without `exit` happens when the spawn itself fails (ENOENT, EACCES).
                if (this.exitCode === null && this.exitSignal === null) {
                    this.spawnError = error;
                    this.failPending(error);
                    resolveExit(null);
                    reject(error);
                }
            });
            child.once('spawn', () => resolve());
            child.stdout.on('data', (chunk) => this.receive(chunk));
            child.stderr.on('data', (chunk) => {
                const text = chunk.toString('utf8');
                // Keep the tail only: enough to explain an exit, bounded for a chatty server.
                this.stderrText = (this.stderrText + text).slice(-8192);
                this.emit('stderr', text);
            });
            // A server that dies makes our writes fail with EPIPE; the exit handler reports it.
            child.stdin.on('error', (error) => this.emit('log', `stdin: ${error.message}`));
        });
    }

    /** Spawns the server and runs the handshake; resolves with the `initialize` result. */
    async start(initializeParams) {
        await this.spawnServer();
        const result = await this.request('initialize', initializeParams);
        this.initializeResult = result;
        this.notify('initialized', {});
        return result;
    }

    get capabilities() {
        return (this.initializeResult && this.initializeResult.capabilities) || {};
    }

    get serverInfo() {
        return (this.initializeResult && this.initializeResult.serverInfo) || {};
    }

    get running() {
        return this.process !== null && !this.spawnError && this.exitCode === null && this.exitSignal === null;
    }

    send(message) {
        if (!this.running) throw new Error(`the server is not running (cannot send ${message.method || 'a reply'})`);
        this.process.stdin.write(encodeFrame(message));
    }

    /**
     * Sends a request; resolves with its result, rejects with a `ResponseError` for an error
     * reply. `options.token` may be a VS Code CancellationToken: cancelling sends
     * `$/cancelRequest`. `options.timeoutMs` rejects (and cancels) when no reply comes in time.
     */
    request(method, params, options = {}) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const entry = { method, resolve, reject, timer: null, cancel: null };
            this.pending.set(id, entry);
            const cancel = () => {
                if (!this.pending.has(id)) return;
                try { this.notify('$/cancelRequest', { id }); } catch (_) { /* server gone: exit rejects */ }
            };
            if (options.timeoutMs) {
                entry.timer = setTimeout(() => {
                    if (!this.pending.has(id)) return;
                    cancel();
                    this.pending.delete(id);
                    reject(new Error(`${method}: no reply within ${options.timeoutMs} ms`));
                }, options.timeoutMs);
            }
            if (options.token && typeof options.token.onCancellationRequested === 'function') {
                entry.cancel = options.token.onCancellationRequested(cancel);
            }
            try {
                this.send({ jsonrpc: '2.0', id, method, params });
            } catch (error) {
                this.settle(id);
                reject(error);
            }
        });
    }

    notify(method, params) {
        this.send({ jsonrpc: '2.0', method, params });
    }

    /** Answers server requests for `method` with `handler(params)` (a value or a promise). */
    onRequest(method, handler) {
        this.requestHandlers.set(method, handler);
    }

    settle(id) {
        const entry = this.pending.get(id);
        if (!entry) return null;
        this.pending.delete(id);
        if (entry.timer) clearTimeout(entry.timer);
        if (entry.cancel && typeof entry.cancel.dispose === 'function') entry.cancel.dispose();
        return entry;
    }

    failPending(error) {
        for (const id of [...this.pending.keys()]) {
            const entry = this.settle(id);
            if (entry) entry.reject(error);
        }
    }

    receive(chunk) {
        for (const item of this.decoder.push(chunk)) {
            if (item.error) {
                this.emit('protocolError', item.error);
                continue;
            }
            this.dispatch(item.message);
        }
    }

    dispatch(message) {
        if (Array.isArray(message)) {
            // The server never batches, but JSON-RPC allows it: handle each element.
            for (const element of message) this.dispatch(element);
            return;
        }
        if (message === null || typeof message !== 'object') {
            this.emit('protocolError', new Error(`not a JSON-RPC message: ${JSON.stringify(message)}`));
            return;
        }
        const hasId = Object.prototype.hasOwnProperty.call(message, 'id');
        if (typeof message.method === 'string') {
            if (hasId) this.answer(message);
            else {
                this.emit('notification', message.method, message.params);
                this.emit(`notification:${message.method}`, message.params);
            }
            return;
        }
        if (hasId) {
            const entry = this.settle(message.id);
            if (!entry) {
                this.emit('log', `reply to unknown or finished request ${JSON.stringify(message.id)}`);
                return;
            }
            if (message.error) entry.reject(new ResponseError(entry.method, message.error));
            else entry.resolve(message.result === undefined ? null : message.result);
        }
    }

    async answer(request) {
        const handler = this.requestHandlers.get(request.method);
        let reply;
        if (!handler) {
            reply = { jsonrpc: '2.0', id: request.id, error: { code: METHOD_NOT_FOUND, message: `unhandled method ${request.method}` } };
        } else {
            try {
                const result = await handler(request.params);
                reply = { jsonrpc: '2.0', id: request.id, result: result === undefined ? null : result };
            } catch (error) {
                reply = { jsonrpc: '2.0', id: request.id, error: { code: INTERNAL_ERROR, message: String(error && error.message || error) } };
            }
        }
        if (this.running) this.send(reply);
        this.emit('request', request.method, request.params);
    }

    // Text-document notifications, in the shapes the LSP specifies.

    didOpen(uri, languageId, version, text) {
        this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    }

    /** `changes`: `[{text}]` (full) or `[{range, text}]` (incremental, positions in UTF-16). */
    didChange(uri, version, changes) {
        this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    }

    didClose(uri) {
        this.notify('textDocument/didClose', { textDocument: { uri } });
    }

    /**
     * `shutdown`, then `exit`; resolves with the exit code. A server that does not exit within
     * `timeoutMs` is killed (and the code is then null).
     */
    async stop(timeoutMs = 5000) {
        if (!this.process || this.spawnError) return null;
        if (this.running) {
            try {
                await this.request('shutdown', null, { timeoutMs });
                this.notify('exit', null);
            } catch (error) {
                this.emit('log', `shutdown: ${error.message}`);
            }
        }
        let timer;
        const deadline = new Promise((resolve) => {
            timer = setTimeout(() => {
                if (this.running) this.process.kill('SIGKILL');
                resolve();
            }, timeoutMs);
        });
        await Promise.race([this.exited, deadline]);
        clearTimeout(timer);
        await this.exited;
        return this.exitCode;
    }
}

/**
 * The client capabilities Preflight's server reads, for a client whose positions are UTF-16
 * (VS Code's own unit, so no conversion is needed).
 */
function clientCapabilities() {
    return {
        general: { positionEncodings: ['utf-16'] },
        window: { workDoneProgress: true, showMessage: {} },
        workspace: {
            codeLens: { refreshSupport: true },
            didChangeConfiguration: { dynamicRegistration: false },
            executeCommand: { dynamicRegistration: false },
        },
        textDocument: {
            synchronization: { dynamicRegistration: false, didSave: false, willSave: false },
            hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
            codeLens: { dynamicRegistration: false },
            publishDiagnostics: { relatedInformation: false, versionSupport: true, codeDescriptionSupport: true },
        },
    };
}

module.exports = {
    LspClient,
    FrameDecoder,
    ResponseError,
    encodeFrame,
    parseContentLength,
    compareVersions,
    clientCapabilities,
};
