'use strict';
// The extension's LSP client: framing (unit), its answers to server-to-client requests (against
// a scripted server), and the whole protocol against the real `preflight serve` ($PREFLIGHT_BIN;
// those tests skip with a message when it is not set).
// Run: PREFLIGHT_BIN=… PREFLIGHT_MODELS=… node --test editor-integration/vscode/test/

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const { LspClient, FrameDecoder, ResponseError, encodeFrame, parseContentLength, compareVersions, clientCapabilities } = require('../lsp-client');
const {
    tinyCatalog, scriptedServer, serverBinary, realServerSkip, serverEnvironment, waitFor, LENS_TITLE, tokensInTitle, LONG_PROMPT,
} = require('../test-support/helpers');

const MULTIBYTE = 'Grüße, 世界! 😀 ünïcödé';

function messagesOf(items) {
    for (const item of items) if (item.error) throw item.error;
    return items.map((item) => item.message);
}

describe('framing', () => {
    it('counts the body in UTF-8 bytes, not characters', () => {
        const message = { jsonrpc: '2.0', method: 'x', params: { text: MULTIBYTE } };
        const bytes = encodeFrame(message);
        const text = bytes.toString('utf8');
        const separator = text.indexOf('\r\n\r\n');
        const declared = parseContentLength(text.slice(0, separator));
        const body = bytes.subarray(Buffer.byteLength(text.slice(0, separator + 4), 'utf8'));
        assert.equal(declared, body.length);
        assert.notEqual(declared, JSON.stringify(message).length, 'the sample must contain multi-byte characters');
        assert.deepEqual(JSON.parse(body.toString('utf8')), message);
    });

    it('reassembles a frame cut at every possible byte, including inside a multi-byte character', () => {
        const message = { jsonrpc: '2.0', id: 7, result: { text: MULTIBYTE } };
        const bytes = encodeFrame(message);
        for (let cut = 1; cut < bytes.length; cut++) {
            const decoder = new FrameDecoder();
            const first = messagesOf(decoder.push(bytes.subarray(0, cut)));
            const second = messagesOf(decoder.push(bytes.subarray(cut)));
            assert.deepEqual(first, [], `nothing is complete after ${cut} of ${bytes.length} bytes`);
            assert.deepEqual(second, [message], `cut at byte ${cut}`);
        }
    });

    it('reassembles a frame fed one byte at a time', () => {
        const message = { jsonrpc: '2.0', method: 'n', params: { text: MULTIBYTE.repeat(20) } };
        const bytes = encodeFrame(message);
        const decoder = new FrameDecoder();
        const received = [];
        for (let i = 0; i < bytes.length; i++) received.push(...messagesOf(decoder.push(bytes.subarray(i, i + 1))));
        assert.deepEqual(received, [message]);
    });

    it('splits coalesced frames, in order, with a partial one left over', () => {
        const messages = [1, 2, 3].map((n) => ({ jsonrpc: '2.0', id: n, result: `${n} ${MULTIBYTE}` }));
        const fourth = encodeFrame({ jsonrpc: '2.0', id: 4, result: null });
        const decoder = new FrameDecoder();
        const all = Buffer.concat([...messages.map(encodeFrame), fourth.subarray(0, 10)]);
        assert.deepEqual(messagesOf(decoder.push(all)), messages);
        assert.deepEqual(messagesOf(decoder.push(fourth.subarray(10))), [{ jsonrpc: '2.0', id: 4, result: null }]);
    });

    it('reads headers case-insensitively and ignores Content-Type', () => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, result: 'é' }), 'utf8');
        const frame = Buffer.concat([
            Buffer.from(`content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH: ${body.length}\r\n\r\n`, 'ascii'),
            body,
        ]);
        assert.deepEqual(messagesOf(new FrameDecoder().push(frame)), [{ jsonrpc: '2.0', id: 1, result: 'é' }]);
    });

    it('reports a header without Content-Length and reads the next frame', () => {
        const good = encodeFrame({ jsonrpc: '2.0', id: 2, result: true });
        const items = new FrameDecoder().push(Buffer.concat([Buffer.from('X-Nothing: 1\r\n\r\n', 'ascii'), good]));
        assert.equal(items.length, 2);
        assert.match(items[0].error.message, /Content-Length/);
        assert.deepEqual(items[1].message, { jsonrpc: '2.0', id: 2, result: true });
    });

    it('compares versions numerically', () => {
        assert.equal(compareVersions('0.1.0', '0.2.0'), -1);
        assert.equal(compareVersions('0.2.0', '0.2.0'), 0);
        assert.equal(compareVersions('0.10.0', '0.2.0'), 1);
        assert.equal(compareVersions('1.0', '0.2.0'), 1);
        assert.equal(compareVersions('0.2.0-beta', '0.2.0'), 0);
    });
});

async function startScripted() {
    const client = new LspClient({ command: scriptedServer, args: ['serve'], env: serverEnvironment() });
    try {
        await client.start({ processId: process.pid, rootUri: null, capabilities: clientCapabilities() });
    } catch (error) {
        await client.stop();
        throw error;
    }
    return client;
}

describe('client behaviour (scripted server)', () => {
    it('answers server-to-client requests: refresh and progress with null, unknown methods with -32601', { timeout: 20000 }, async () => {
        const client = await startScripted();
        try {
            assert.deepEqual(await client.request('test/ask', { method: 'workspace/codeLens/refresh' }), { result: null });
            assert.deepEqual(await client.request('test/ask', { method: 'window/workDoneProgress/create', params: { token: 'p1' } }), { result: null });
            const unknown = await client.request('test/ask', { method: 'workspace/somethingNew', params: {} });
            assert.equal(unknown.error && unknown.error.code, -32601);
            client.onRequest('workspace/configuration', (params) => params.items.map(() => ({ answered: true })));
            assert.deepEqual(await client.request('test/ask', { method: 'workspace/configuration', params: { items: [{}, {}] } }),
                { result: [{ answered: true }, { answered: true }] });
            client.onRequest('window/showDocument', () => { throw new Error('cannot show'); });
            const failed = await client.request('test/ask', { method: 'window/showDocument', params: {} });
            assert.equal(failed.error && failed.error.code, -32603);
        } finally {
            assert.equal(await client.stop(), 0);
        }
    });

    it('reads replies and notifications the server writes in awkward chunks', { timeout: 20000 }, async () => {
        const client = await startScripted();
        const said = [];
        client.on('notification:test/said', (params) => said.push(params));
        try {
            assert.deepEqual(await client.request('test/burst', { text: MULTIBYTE, count: 5 }), { count: 5 });
            await waitFor(() => said.length === 5, () => `5 notifications, got ${said.length}`);
            assert.deepEqual(said, [0, 1, 2, 3, 4].map((n) => ({ text: MULTIBYTE, n })));
        } finally {
            assert.equal(await client.stop(), 0);
        }
    });

    it('turns an error reply into a ResponseError with the code and data', { timeout: 20000 }, async () => {
        const client = await startScripted();
        try {
            await assert.rejects(client.request('no/such/method', {}), (error) => error instanceof ResponseError && error.code === -32601);
        } finally {
            await client.stop();
        }
    });

    it('rejects start with ENOENT for a missing binary, and pending requests when the server dies', { timeout: 20000 }, async () => {
        const missing = new LspClient({ command: path.join(__dirname, 'no-such-preflight'), args: ['serve'] });
        await assert.rejects(missing.start({ capabilities: {} }), (error) => error.code === 'ENOENT');
        const client = await startScripted();
        const pending = client.request('test/hang', {});
        client.process.kill('SIGKILL');
        await assert.rejects(pending, /exited/);
        assert.equal(client.running, false);
        await client.stop();
    });
});

/** Starts the real server with the client's capabilities; records what it sends. */
async function startReal(initializationOptions = {}) {
    const client = new LspClient({ command: serverBinary, args: ['serve'], env: serverEnvironment() });
    const seen = { notifications: [], requests: [], stderr: '' };
    client.on('notification', (method, params) => seen.notifications.push({ method, params }));
    client.on('request', (method, params) => seen.requests.push({ method, params }));
    client.on('stderr', (text) => { seen.stderr += text; });
    let result;
    try {
        result = await client.start({
            processId: process.pid,
            clientInfo: { name: 'preflight-vscode-tests', version: '0' },
            rootUri: null,
            capabilities: clientCapabilities(),
            initializationOptions,
        });
    } catch (error) {
        // Not left running: the test process would wait for it.
        await client.stop();
        throw error;
    }
    return { client, seen, result };
}

function diagnosticsFor(seen, uri) {
    return seen.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params);
}

async function estimateOfText(client, prompt) {
    return (await client.request('preflight/estimate', { prompt })).tokens.input;
}

async function estimateOfDocument(client, uri, range) {
    const argument = range ? { uri, range } : { uri };
    const result = await client.request('workspace/executeCommand', { command: 'preflight.estimate', arguments: [argument] });
    return result.tokens.input;
}

let documentCounter = 0;
function newUri(extension = 'prompt') {
    documentCounter += 1;
    return `file:///tmp/preflight-vscode-test-${process.pid}-${documentCounter}.${extension}`;
}

describe('against the real server', { skip: realServerSkip }, () => {
    it('handshake: the capabilities and serverInfo of the contract', { timeout: 30000 }, async () => {
        const { client, result } = await startReal({ debounceMs: 20 });
        try {
            const capabilities = result.capabilities;
            assert.equal(result.serverInfo && result.serverInfo.name, 'preflight');
            assert.ok(compareVersions(result.serverInfo.version, '0.2.0') >= 0, `serverInfo.version ${result.serverInfo.version} is older than 0.2.0`);
            // Offered only utf-16, so that is what the server must pick.
            assert.equal(capabilities.positionEncoding, 'utf-16');
            assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
            assert.equal(capabilities.hoverProvider, true);
            assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
            assert.deepEqual([...capabilities.executeCommandProvider.commands].sort(), ['preflight.check', 'preflight.estimate']);
            assert.ok(capabilities.experimental.preflight.methods.includes('preflight/countTokens'));
        } finally {
            assert.equal(await client.stop(), 0);
        }
    });

    it('refuses a bad catalogPath in initializationOptions with -32602 naming it', { timeout: 30000 }, async () => {
        const client = new LspClient({ command: serverBinary, args: ['serve'], env: serverEnvironment() });
        await assert.rejects(
            client.start({ processId: process.pid, rootUri: null, capabilities: clientCapabilities(), initializationOptions: { catalogPath: '/nonexistent/catalog.json' } }),
            (error) => error instanceof ResponseError && error.code === -32602
                && error.data && error.data.field === 'params.initializationOptions.catalogPath',
        );
        await client.stop();
    });

    it('didOpen, then one code lens whose title has the contract format; diagnostics and a refresh follow', { timeout: 30000 }, async () => {
        const { client, seen } = await startReal({ debounceMs: 20 });
        try {
            const uri = newUri();
            client.didOpen(uri, 'prompt', 1, 'Write a haiku about the sea.\n\nKeep it gentle.');
            const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
            assert.equal(lenses.length, 1, JSON.stringify(lenses));
            const lens = lenses[0];
            assert.deepEqual(lens.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
            assert.match(lens.command.title, LENS_TITLE);
            assert.ok(tokensInTitle(lens.command.title) > 0, lens.command.title);
            assert.equal(lens.command.command, 'preflight.estimate');
            assert.deepEqual(lens.command.arguments, [{ uri }]);
            const published = await waitFor(() => diagnosticsFor(seen, uri)[0], 'publishDiagnostics after didOpen');
            assert.equal(published.version, 1);
            assert.ok(Array.isArray(published.diagnostics));
            await waitFor(() => seen.requests.some((r) => r.method === 'workspace/codeLens/refresh'), 'workspace/codeLens/refresh (the client said refreshSupport)');
        } finally {
            assert.equal(await client.stop(), 0);
        }
    });

    it('hover: Markdown starting with "### Preflight", with tokens, credits and the paragraph', { timeout: 30000 }, async () => {
        const { client } = await startReal({ debounceMs: 20 });
        try {
            const uri = newUri('prompt.md');
            client.didOpen(uri, 'prompt', 1, 'First paragraph about apples.\n\nSecond paragraph: explain why the sky is blue, step by step.');
            const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } });
            assert.equal(hover.contents.kind, 'markdown');
            const value = hover.contents.value;
            assert.ok(value.startsWith('### Preflight'), value.slice(0, 200));
            for (const part of ['Preflight', 'tok', 'credits', 'Paragraph']) assert.ok(value.includes(part), `hover lacks "${part}": ${value}`);
        } finally {
            assert.equal(await client.stop(), 0);
        }
    });

    it('incremental didChange with UTF-16 positions: the server has the text the editor has', { timeout: 30000 }, async () => {
        const { client } = await startReal({ debounceMs: 20 });
        try {
            const uri = newUri();
            const original = '😀😀😀😀 aaaa bbbb cccc';
            client.didOpen(uri, 'prompt', 1, original);
            // Delete the four emoji: UTF-16 characters 0…8. Read as UTF-8 bytes it would delete
            // two of them; read as code points, the emoji and " aaa". Check those differ.
            const expected = ' aaaa bbbb cccc';
            const asUTF8 = '😀😀 aaaa bbbb cccc';
            const asUTF32 = 'a bbbb cccc';
            const wanted = await estimateOfText(client, expected);
            assert.notEqual(await estimateOfText(client, asUTF8), wanted, 'the sample must tell UTF-16 from UTF-8');
            assert.notEqual(await estimateOfText(client, asUTF32), wanted, 'the sample must tell UTF-16 from UTF-32');
            client.didChange(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } }, text: '' }]);
            assert.equal(await estimateOfDocument(client, uri), wanted);

            // Insert multi-byte text and a new line, then edit the new line.
            let text = expected;
            const insert = '世界 😀 ';
            client.didChange(uri, 3, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: insert }]);
            text = text.slice(0, 1) + insert + text.slice(1);
            const end = text.length;
            client.didChange(uri, 4, [{ range: { start: { line: 0, character: end }, end: { line: 0, character: end } }, text: '\nsecond line ✓ with more words' }]);
            text += '\nsecond line ✓ with more words';
            client.didChange(uri, 5, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }, text: 'third' }]);
            text = text.replace('\nsecond', '\nthird');
            assert.equal(await estimateOfDocument(client, uri), await estimateOfText(client, text));
            const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
            assert.match(lenses[0].command.title, LENS_TITLE);

            // A full-text change also works.
            client.didChange(uri, 6, [{ text: LONG_PROMPT }]);
            assert.equal(await estimateOfDocument(client, uri), await estimateOfText(client, LONG_PROMPT));
        } finally {
            assert.equal(await client.stop(), 0);
        }
    });

    it('diagnostics: context-window for a prompt longer than the default model\'s window, none once it fits', { timeout: 30000 }, async () => {
        const { client, seen } = await startReal({ catalogPath: tinyCatalog, defaultModel: 'tiny-economy', debounceMs: 20 });
        try {
            const uri = newUri();
            client.didOpen(uri, 'prompt', 1, LONG_PROMPT);
            const report = await waitFor(() => diagnosticsFor(seen, uri).find((p) => p.diagnostics.some((d) => d.code === 'context-window')),
                () => `a context-window diagnostic; published so far: ${JSON.stringify(diagnosticsFor(seen, uri))}`);
            const diagnostic = report.diagnostics.find((d) => d.code === 'context-window');
            assert.equal(diagnostic.severity, 1);
            assert.equal(diagnostic.source, 'preflight');
            assert.ok(typeof diagnostic.message === 'string' && diagnostic.message.length > 0);
            const lines = LONG_PROMPT.split('\n');
            for (const end of [diagnostic.range.start, diagnostic.range.end]) {
                assert.ok(end.line >= 0 && end.line < lines.length && end.character <= lines[end.line].length, JSON.stringify(diagnostic.range));
            }
            // Replace everything by a few words (input + 10 output tokens fit in 50).
            const lastLine = lines.length - 1;
            client.didChange(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: lastLine, character: lines[lastLine].length } }, text: 'Say hi.' }]);
            const after = await waitFor(() => diagnosticsFor(seen, uri).find((p) => p.version === 2), 'diagnostics for version 2');
            assert.ok(!after.diagnostics.some((d) => d.code === 'context-window'), JSON.stringify(after));
        } finally {
            assert.equal(await client.stop(), 0);
        }
    });

    it('workspace/executeCommand: preflight.estimate (document and range) and preflight.check', { timeout: 30000 }, async () => {
        const { client } = await startReal({ debounceMs: 20 });
        try {
            const uri = newUri();
            const text = 'Translate to French: good morning.\nThen explain the grammar of each word in detail, with examples.';
            client.didOpen(uri, 'prompt', 1, text);
            const estimate = await client.request('workspace/executeCommand', { command: 'preflight.estimate', arguments: [{ uri }] });
            assert.ok(estimate.tokens.input > 0);
            assert.equal(typeof estimate.recommendation.tier, 'string');
            assert.equal(typeof estimate.recommendation.model, 'string');
            assert.equal(typeof estimate.cost.credits, 'number');
            assert.equal(estimate.tokens.input, await estimateOfText(client, text));
            const firstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: text.indexOf('\n') } };
            const partial = await estimateOfDocument(client, uri, firstLine);
            assert.equal(partial, await estimateOfText(client, text.slice(0, text.indexOf('\n'))));
            assert.ok(partial < estimate.tokens.input);

            const check = await client.request('workspace/executeCommand', { command: 'preflight.check', arguments: [{ uri, budget: { balance: 5 } }] });
            assert.equal(check.allowed, true, JSON.stringify(check));
            assert.equal(typeof check.reason, 'string');
            await assert.rejects(
                client.request('workspace/executeCommand', { command: 'preflight.check', arguments: [{ uri }] }),
                (error) => error instanceof ResponseError && error.code === -32602
                    && ((error.data && error.data.field === 'arguments[0].budget') || String(error.serverMessage).includes('arguments[0].budget')),
            );
        } finally {
            assert.equal(await client.stop(), 0);
        }
    });

    it('shutdown and exit end the server with code 0', { timeout: 30000 }, async () => {
        const { client } = await startReal();
        assert.equal(await client.stop(), 0);
        assert.equal(client.running, false);
    });
});
