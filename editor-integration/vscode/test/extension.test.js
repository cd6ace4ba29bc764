'use strict';
// The extension's wiring, with a stand-in for the `vscode` module and the real server
// ($PREFLIGHT_BIN; those tests skip with a message when it is not set): activation, document
// events, the status bar, hover, code lenses, diagnostics, commands, settings, deactivation.

const { describe, it, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const standIn = require('../test-support/vscode-stand-in');
const {
    tinyCatalog, scriptedServer, serverBinary, realServerSkip, waitFor, LENS_TITLE, tokensInTitle, LONG_PROMPT,
} = require('../test-support/helpers');

const NEVER_CANCELLED = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

// Extensions activated by the current test. A test that fails before its own `deactivate` would
// otherwise leave a server running, and the test process waiting for it.
const active = [];
async function deactivateLeftovers() {
    while (active.length > 0) await active.pop().deactivate();
}

/** A fresh stand-in and extension, activated with `settings`. */
async function activate(settings) {
    const vscode = standIn.install();
    vscode.user.settings(settings);
    const extension = standIn.loadExtension();
    active.push(extension);
    const context = { subscriptions: [], extensionPath: path.resolve(__dirname, '..') };
    const api = await extension.activate(context);
    return { vscode, extension, context, api, status: vscode.recorded.statusItems[0] };
}

function messages(vscode, kind) {
    return vscode.recorded.messages.filter((m) => m.kind === kind).map((m) => m.message);
}

let fileCounter = 0;
function promptFile(suffix = '.prompt') {
    fileCounter += 1;
    return path.join(os.tmpdir(), `preflight-vscode-extension-${process.pid}-${fileCounter}${suffix}`);
}

describe('extension, without a server', () => {
    afterEach(deactivateLeftovers);

    it('says how to install the server when preflight.path does not exist', { timeout: 20000 }, async () => {
        const { vscode, extension, status, api } = await activate({ 'preflight.path': '/nonexistent/bin/preflight' });
        const errors = messages(vscode, 'error');
        assert.equal(errors.length, 1, JSON.stringify(vscode.recorded.messages));
        assert.match(errors[0], /\/nonexistent\/bin\/preflight/);
        assert.match(errors[0], /make install PREFIX=~\/\.local/);
        assert.equal(status.visible, true);
        assert.match(status.text, /Preflight/);
        assert.equal(api.client, null);
        // Commands still answer, with a message rather than an exception.
        assert.equal(await vscode.module.commands.executeCommand('preflight.showEstimate'), undefined);
        await extension.deactivate();
    });

    it('finds `preflight` on PATH when preflight.path is empty', () => {
        const { findServer } = standIn.loadExtension();
        const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-path-'));
        try {
            const binary = path.join(directory, 'preflight');
            fs.writeFileSync(binary, '#!/bin/sh\n');
            fs.chmodSync(binary, 0o755);
            assert.deepEqual(findServer('', { PATH: `/nonexistent${path.delimiter}${directory}` }), { path: binary });
            fs.chmodSync(binary, 0o644);
            assert.match(findServer('', { PATH: directory }).error, /not on PATH/);
            assert.match(findServer('  ', { PATH: '' }).error, /not on PATH/);
        } finally {
            fs.rmSync(directory, { recursive: true, force: true });
        }
    });

    it('sends only the settings that are set, as server options', () => {
        const { serverOptions } = standIn.loadExtension();
        const config = (values) => ({ get: (key) => values[key] });
        assert.deepEqual(serverOptions(config({ defaultModel: '', catalogPath: '  ', budget: null, debounceMs: 250 })), { debounceMs: 250 });
        assert.deepEqual(serverOptions(config({ defaultModel: 'gpt-4.1-mini', routingPath: '~/r.json', budget: { balance: 5 } })),
            { defaultModel: 'gpt-4.1-mini', routingPath: path.join(os.homedir(), 'r.json'), budget: { balance: 5 } });
    });

    it('warns when the server is older than 0.2.0 and then sends it no documents', { timeout: 20000 }, async () => {
        const { vscode, extension, api, status } = await activate({ 'preflight.path': scriptedServer });
        const warnings = messages(vscode, 'warning');
        assert.equal(warnings.length, 1, JSON.stringify(vscode.recorded.messages));
        assert.match(warnings[0], /version 0\.1\.0/);
        assert.match(warnings[0], /0\.2\.0 or later/);
        const client = api.client;
        assert.ok(client && client.running);
        const document = new standIn.TextDocument(promptFile(), 'prompt', 'Hello');
        vscode.user.open(document);
        vscode.user.show(document);
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.equal(status.visible, false, status.text);
        assert.equal(await extension.deactivate(), 0);
        assert.equal(client.exitCode, 0);
    });
});

describe('extension, against the real server', { skip: realServerSkip }, () => {
    afterEach(deactivateLeftovers);

    it('status bar, hover, code lens, edits and commands for an open prompt document; clean deactivation', { timeout: 60000 }, async () => {
        const { vscode, extension, api, status } = await activate({ 'preflight.path': serverBinary, 'preflight.debounceMs': 20 });
        assert.deepEqual(vscode.recorded.messages, []);
        const client = api.client;
        assert.ok(client && client.running);
        const document = new standIn.TextDocument(promptFile(), 'prompt', 'Write a limerick about a cat who learns to code.');
        vscode.user.open(document);
        vscode.user.show(document);

        await waitFor(() => status.visible && LENS_TITLE.test(status.text), () => `a lens title in the status bar, have ${JSON.stringify(status.text)}`);
        const before = tokensInTitle(status.text);
        assert.ok(before > 0, status.text);
        assert.equal(status.command, 'preflight.showEstimate');

        const hoverProvider = vscode.recorded.hoverProviders[0].provider;
        const hover = await hoverProvider.provideHover(document, new vscode.module.Position(0, 5), NEVER_CANCELLED);
        assert.ok(hover instanceof vscode.module.Hover);
        assert.ok(hover.contents instanceof vscode.module.MarkdownString);
        assert.ok(hover.contents.value.includes('Preflight'), hover.contents.value);
        assert.ok(hover.contents.value.includes('credits'), hover.contents.value);

        // An edit (incremental, through the change event) updates the status bar.
        const end = new vscode.module.Position(0, document.getText().length);
        vscode.user.edit(document, new vscode.module.Range(end, end), `\n\n${LONG_PROMPT}`);
        await waitFor(() => tokensInTitle(status.text) > before, () => `more tokens than ${before} after the edit, have ${JSON.stringify(status.text)}`);
        assert.match(status.text, LENS_TITLE);

        const lensProvider = vscode.recorded.codeLensProviders[0].provider;
        const lenses = await lensProvider.provideCodeLenses(document, NEVER_CANCELLED);
        assert.equal(lenses.length, 1);
        assert.equal(lenses[0].command.title, status.text);
        assert.equal(lenses[0].command.command, 'preflight.showEstimate');
        assert.equal(lenses[0].range.start.line, 0);

        const estimate = await vscode.module.commands.executeCommand('preflight.showEstimate');
        const direct = await client.request('preflight/estimate', { prompt: document.getText() });
        assert.equal(estimate.tokens.input, direct.tokens.input);
        assert.ok(messages(vscode, 'information').some((m) => m.includes(`${estimate.tokens.input} tokens`)), JSON.stringify(vscode.recorded.messages));

        vscode.recorded.inputBoxAnswers.push('5');
        const check = await vscode.module.commands.executeCommand('preflight.check');
        assert.equal(check.allowed, true, JSON.stringify(check));
        assert.ok(messages(vscode, 'information').some((m) => m.includes('within budget')));
        assert.deepEqual(messages(vscode, 'error'), []);

        vscode.user.close(document);
        await waitFor(() => !status.visible, 'the status bar item to hide once no prompt document is active');

        assert.equal(await extension.deactivate(), 0);
        assert.equal(client.exitCode, 0);
        assert.equal(client.running, false);
    });

    it('diagnostics land in the collection with VS Code severities; settings changes reach the server', { timeout: 60000 }, async () => {
        const { vscode, extension, api, status } = await activate({
            'preflight.path': serverBinary,
            'preflight.debounceMs': 20,
            'preflight.catalogPath': tinyCatalog,
            'preflight.defaultModel': 'tiny-economy',
        });
        assert.deepEqual(vscode.recorded.messages, []);
        const client = api.client;
        const collection = vscode.recorded.diagnosticCollections[0];
        const document = new standIn.TextDocument(promptFile('.prompt.md'), 'markdown', LONG_PROMPT);
        // A `.prompt.md` file claimed by the Markdown language still goes to the server.
        vscode.user.open(document);
        vscode.user.show(document);
        const key = document.uri.toString();
        const found = await waitFor(() => (collection.get(document.uri) || []).find((d) => d.code === 'context-window'),
            () => `a context-window diagnostic; have ${JSON.stringify(collection.entries.get(key))}`);
        assert.equal(found.severity, vscode.module.DiagnosticSeverity.Error);
        assert.equal(found.source, 'preflight');
        assert.ok(found.range instanceof vscode.module.Range);
        await waitFor(() => status.text.includes('tiny-economy'), () => `the priced model in the status bar, have ${JSON.stringify(status.text)}`);

        vscode.user.changeSettings({ 'preflight.defaultModel': 'roomy-standard' });
        await waitFor(() => status.text.includes('roomy-standard'), () => `the new default model in the status bar, have ${JSON.stringify(status.text)}`);
        // The next analysis (after an edit) prices the roomy model: no context-window diagnostic.
        const end = new vscode.module.Position(0, 0);
        vscode.user.edit(document, new vscode.module.Range(end, end), 'Note: ');
        await waitFor(() => !(collection.get(document.uri) || []).some((d) => d.code === 'context-window'),
            () => `the context-window diagnostic to go; have ${JSON.stringify(collection.entries.get(key))}`);

        // A bad setting is the server's window/showMessage warning, shown as one.
        vscode.user.changeSettings({ 'preflight.catalogPath': '/nonexistent/catalog.json' });
        await waitFor(() => messages(vscode, 'warning').some((m) => m.includes('catalogPath')),
            () => `a warning naming catalogPath; messages: ${JSON.stringify(vscode.recorded.messages)}`);
        assert.deepEqual(messages(vscode, 'error'), []);

        vscode.user.close(document);
        assert.equal(collection.get(document.uri), undefined);
        assert.equal(await extension.deactivate(), 0);
        assert.equal(client.exitCode, 0);
    });

    it('reopens a document the server reports out of sync, with the editor\'s text', { timeout: 60000 }, async () => {
        const { vscode, extension, api, status } = await activate({ 'preflight.path': serverBinary, 'preflight.debounceMs': 20 });
        const { Position, Range } = vscode.module;
        const output = vscode.recorded.outputs[0];
        const collection = vscode.recorded.diagnosticCollections[0];
        const document = new standIn.TextDocument(promptFile(), 'prompt', 'hello world');
        vscode.user.open(document);
        vscode.user.show(document);
        await waitFor(() => LENS_TITLE.test(status.text), () => `a lens title, have ${JSON.stringify(status.text)}`);
        // The editor's text changes but the change reported cannot apply to the server's copy.
        document.text = 'hello brave new world, with many more words than the server has seen';
        document.version += 1;
        vscode.user.reportChange(document, [{ range: new Range(new Position(5, 0), new Position(5, 3)), rangeOffset: 0, rangeLength: 3, text: 'x' }]);
        await waitFor(() => output.text.includes('out of sync; reopening'), () => `the extension to reopen the document; output: ${output.text}`);
        await waitFor(() => {
            const published = collection.get(document.uri);
            return published !== undefined && !published.some((d) => d.code === 'out-of-sync');
        }, () => `diagnostics without out-of-sync; have ${JSON.stringify(collection.entries.get(document.uri.toString()))}`);
        const estimate = await vscode.module.commands.executeCommand('preflight.showEstimate');
        const direct = await api.client.request('preflight/estimate', { prompt: document.getText() });
        assert.equal(estimate.tokens.input, direct.tokens.input);
        assert.equal(await extension.deactivate(), 0);
    });

    it('a bad catalogPath setting is reported naming the setting', { timeout: 30000 }, async () => {
        const { vscode, extension, api } = await activate({ 'preflight.path': serverBinary, 'preflight.catalogPath': '/nonexistent/catalog.json' });
        const errors = messages(vscode, 'error');
        assert.equal(errors.length, 1, JSON.stringify(vscode.recorded.messages));
        assert.match(errors[0], /preflight\.catalogPath/);
        assert.match(errors[0], /\/nonexistent\/catalog\.json/);
        assert.equal(api.client, null);
        await extension.deactivate();
    });
});
