'use strict';
// Preflight for VS Code: starts `preflight serve` for prompt files (*.prompt, *.prompt.md) and
// shows what it says — the lens title in the status bar and above the first line, the hover
// report, diagnostics (context window, inflation, budget) — and runs its two commands.
//
// Plain CommonJS with no dependencies and no build step: the folder is the extension.

const vscode = require('vscode');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { LspClient, ResponseError, compareVersions, clientCapabilities } = require('./lsp-client');

const packageJSON = require('./package.json');

// The first server release with text-document features (hover, code lens, diagnostics).
const MINIMUM_SERVER_VERSION = '0.2.0';
const INSTALL_HINT = 'Install it from a clone of Preflight with `make install PREFIX=~/.local` '
    + '(and put ~/.local/bin on PATH), or set `preflight.path` to the binary.';
const REQUEST_CANCELLED = -32800;
const DEFAULT_DEBOUNCE_MS = 250;

// The files the extension hands to the server: the `prompt` language, and prompt files by name
// when another extension has claimed them (a `.prompt.md` shown as Markdown, say).
const DOCUMENT_SELECTOR = [
    { language: 'prompt' },
    { pattern: '**/*.prompt' },
    { pattern: '**/*.prompt.md' },
];

function isPromptDocument(document) {
    if (!document) return false;
    if (document.languageId === 'prompt') return true;
    const name = document.fileName || (document.uri && document.uri.path) || '';
    return /\.prompt(\.md)?$/i.test(name);
}

function expandHome(file) {
    if (file === '~') return os.homedir();
    if (file.startsWith('~/')) return path.join(os.homedir(), file.slice(2));
    return file;
}

function isExecutableFile(file) {
    try {
        if (!fs.statSync(file).isFile()) return false;
        fs.accessSync(file, fs.constants.X_OK);
        return true;
    } catch (_) {
        return false;
    }
}

/** `{path}` of the server binary, or `{error}` saying why there is none. */
function findServer(setting, env) {
    if (typeof setting === 'string' && setting.trim() !== '') {
        const file = expandHome(setting.trim());
        if (isExecutableFile(file)) return { path: file };
        return { error: `preflight.path is "${setting}", which is not an executable file.` };
    }
    for (const directory of (env.PATH || '').split(path.delimiter)) {
        if (!directory) continue;
        const candidate = path.join(directory, 'preflight');
        if (isExecutableFile(candidate)) return { path: candidate };
    }
    return { error: 'the `preflight` language server is not on PATH.' };
}

/**
 * The `preflight.*` settings as the server's options (`initializationOptions` and
 * `workspace/didChangeConfiguration`). Unset or empty settings are left out: an empty
 * `catalogPath` would be an error, not "the bundled catalog".
 */
function serverOptions(config) {
    const options = {};
    const text = (key) => {
        const value = config.get(key);
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    };
    const defaultModel = text('defaultModel');
    if (defaultModel) options.defaultModel = defaultModel;
    for (const key of ['catalogPath', 'routingPath']) {
        const value = text(key);
        if (value) options[key] = expandHome(value);
    }
    const budget = config.get('budget');
    if (budget && typeof budget === 'object' && Object.keys(budget).length > 0) options.budget = budget;
    const debounce = config.get('debounceMs');
    if (typeof debounce === 'number' && Number.isInteger(debounce)) options.debounceMs = debounce;
    return options;
}

function toPosition(position) {
    return new vscode.Position(position.line, position.character);
}

function toRange(range) {
    return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

function fromRange(range) {
    return {
        start: { line: range.start.line, character: range.start.character },
        end: { line: range.end.line, character: range.end.character },
    };
}

// LSP DiagnosticSeverity (1 error … 4 hint) to VS Code's (0 error … 3 hint).
function toSeverity(severity) {
    switch (severity) {
        case 2: return vscode.DiagnosticSeverity.Warning;
        case 3: return vscode.DiagnosticSeverity.Information;
        case 4: return vscode.DiagnosticSeverity.Hint;
        default: return vscode.DiagnosticSeverity.Error;
    }
}

function toDiagnostic(diagnostic) {
    const result = new vscode.Diagnostic(toRange(diagnostic.range), diagnostic.message, toSeverity(diagnostic.severity));
    if (diagnostic.source !== undefined) result.source = diagnostic.source;
    if (diagnostic.code !== undefined && diagnostic.code !== null) {
        result.code = diagnostic.codeDescription && diagnostic.codeDescription.href
            ? { value: diagnostic.code, target: vscode.Uri.parse(diagnostic.codeDescription.href) }
            : diagnostic.code;
    }
    return result;
}

/** Hover `contents` in any of the LSP's shapes, as one Markdown text. */
function markdownOf(contents) {
    if (contents === null || contents === undefined) return '';
    if (typeof contents === 'string') return contents;
    if (Array.isArray(contents)) return contents.map(markdownOf).filter((part) => part !== '').join('\n\n---\n\n');
    if (contents.kind === 'plaintext') return String(contents.value).replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
    if (contents.kind === 'markdown') return String(contents.value);
    if (typeof contents.language === 'string') return '```' + contents.language + '\n' + contents.value + '\n```';
    return '';
}

/** `textDocumentSync`'s change kind: 0 none, 1 full, 2 incremental. */
function changeKind(capabilities) {
    const sync = capabilities.textDocumentSync;
    if (typeof sync === 'number') return sync;
    if (sync && typeof sync.change === 'number') return sync.change;
    return 0;
}

function opensDocuments(capabilities) {
    const sync = capabilities.textDocumentSync;
    if (typeof sync === 'number') return sync > 0;
    return Boolean(sync && sync.openClose);
}

function isCancellation(error) {
    return error instanceof ResponseError && error.code === REQUEST_CANCELLED;
}

class PreflightExtension {
    constructor(context) {
        this.context = context;
        this.client = null;
        this.serverPath = null;
        this.opened = new Set();
        this.statusTimer = null;
        this.statusGeneration = 0;
        this.stopping = false;
        this.lastOptions = {};
        this.resynchronised = new Map();
        this.startup = Promise.resolve();

        this.output = vscode.window.createOutputChannel('Preflight');
        this.diagnostics = vscode.languages.createDiagnosticCollection('preflight');
        this.status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
        this.status.name = 'Preflight';
        this.status.command = 'preflight.showEstimate';
        this.codeLensChanged = new vscode.EventEmitter();

        const disposables = [
            this.output, this.diagnostics, this.status, this.codeLensChanged,
            vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, {
                provideHover: (document, position, token) => this.provideHover(document, position, token),
            }),
            vscode.languages.registerCodeLensProvider(DOCUMENT_SELECTOR, {
                onDidChangeCodeLenses: this.codeLensChanged.event,
                provideCodeLenses: (document, token) => this.provideCodeLenses(document, token),
            }),
            vscode.commands.registerCommand('preflight.showEstimate', (uri) => this.showEstimate(uri)),
            vscode.commands.registerCommand('preflight.check', (uri) => this.check(uri)),
            vscode.workspace.onDidOpenTextDocument((document) => this.didOpen(document)),
            vscode.workspace.onDidChangeTextDocument((event) => this.didChange(event)),
            vscode.workspace.onDidCloseTextDocument((document) => this.didClose(document)),
            vscode.window.onDidChangeActiveTextEditor(() => this.scheduleStatus(0)),
            vscode.workspace.onDidChangeConfiguration((event) => this.configurationChanged(event)),
        ];
        for (const disposable of disposables) context.subscriptions.push(disposable);
    }

    get config() {
        return vscode.workspace.getConfiguration('preflight');
    }

    get debounceMs() {
        const value = this.config.get('debounceMs');
        return typeof value === 'number' && value >= 0 ? value : DEFAULT_DEBOUNCE_MS;
    }

    log(text) {
        this.output.appendLine(text);
    }

    /** Finds and starts the server; reports a missing or failing server instead of throwing. */
    async start() {
        const found = findServer(this.config.get('path'), process.env);
        if (found.error) {
            this.fail(`Preflight: ${found.error} ${INSTALL_HINT}`);
            return false;
        }
        this.serverPath = found.path;
        const client = new LspClient({ command: found.path, args: ['serve'], env: process.env });
        this.client = client;
        client.on('stderr', (text) => this.output.append(text));
        client.on('log', (text) => this.log(text));
        client.on('protocolError', (error) => this.log(`protocol error: ${error.message}`));
        client.on('notification:textDocument/publishDiagnostics', (params) => this.publishDiagnostics(params));
        client.on('notification:window/showMessage', (params) => this.showMessage(params));
        client.on('notification:window/logMessage', (params) => this.log(params && params.message));
        client.onRequest('workspace/codeLens/refresh', () => {
            // The server has a new analysis: lenses and the status bar are out of date.
            this.codeLensChanged.fire();
            this.scheduleStatus(0);
            return null;
        });
        client.on('exit', (code, signal) => {
            if (client !== this.client || this.stopping) return;
            this.opened.clear();
            this.status.text = '$(error) Preflight';
            this.status.tooltip = `The Preflight server stopped (code ${code}${signal ? `, ${signal}` : ''}); see the Preflight output.`;
            this.status.show();
            vscode.window.showErrorMessage(`Preflight: the server stopped (exit code ${code}). Its messages are in the Preflight output.`);
        });

        const options = serverOptions(this.config);
        this.lastOptions = options;
        let result;
        try {
            const folders = vscode.workspace.workspaceFolders || [];
            result = await client.start({
                processId: process.pid,
                clientInfo: { name: 'Preflight for VS Code', version: packageJSON.version },
                rootUri: folders.length > 0 ? folders[0].uri.toString() : null,
                workspaceFolders: folders.length > 0 ? folders.map((folder) => ({ uri: folder.uri.toString(), name: folder.name })) : null,
                capabilities: clientCapabilities(),
                initializationOptions: options,
            });
        } catch (error) {
            const field = error instanceof ResponseError && error.data && error.data.field;
            const detail = field ? `${error.serverMessage} (setting preflight.${String(field).split('.').pop()})` : error.message;
            this.fail(error.code === 'ENOENT' || error.code === 'EACCES'
                ? `Preflight: cannot run ${found.path}: ${error.message}. ${INSTALL_HINT}`
                : `Preflight: the server at ${found.path} did not start: ${detail}`);
            // Not `this.client` any more, so its exit is not reported as a crash on top of this.
            this.client = null;
            await client.stop(2000).catch(() => null);
            return false;
        }

        const version = result && result.serverInfo && result.serverInfo.version;
        this.log(`started ${found.path} (${result.serverInfo ? `${result.serverInfo.name} ${version}` : 'no serverInfo'})`);
        if (!version || compareVersions(version, MINIMUM_SERVER_VERSION) < 0) {
            vscode.window.showWarningMessage(`Preflight: the server at ${found.path} is version ${version || 'unknown'}; `
                + `hover, code lens and diagnostics need ${MINIMUM_SERVER_VERSION} or later. ${INSTALL_HINT}`);
        }
        const encoding = client.capabilities.positionEncoding;
        if (encoding !== undefined && encoding !== 'utf-16') {
            this.log(`warning: the server chose position encoding ${encoding}, which this client did not offer`);
        }
        for (const document of vscode.workspace.textDocuments) this.didOpen(document);
        this.scheduleStatus(0);
        return true;
    }

    fail(message) {
        this.log(message);
        this.status.text = '$(warning) Preflight';
        this.status.tooltip = message;
        this.status.show();
        vscode.window.showErrorMessage(message);
    }

    get ready() {
        return this.client !== null && this.client.running && this.client.initializeResult !== null;
    }

    isOpen(document) {
        return this.ready && this.opened.has(document.uri.toString());
    }

    // Document synchronisation. Changes are sent at once (never debounced), so every request
    // the extension makes sees the editor's current text.

    didOpen(document) {
        if (!this.ready || !isPromptDocument(document) || !opensDocuments(this.client.capabilities)) return;
        const uri = document.uri.toString();
        if (this.opened.has(uri)) return;
        this.opened.add(uri);
        this.client.didOpen(uri, document.languageId, document.version, document.getText());
        if (vscode.window.activeTextEditor && vscode.window.activeTextEditor.document === document) this.scheduleStatus(0);
    }

    didChange(event) {
        const document = event.document;
        if (!this.isOpen(document) || event.contentChanges.length === 0) return;
        const uri = document.uri.toString();
        // VS Code's ranges are UTF-16, the encoding negotiated in `initialize`, so they go as
        // they are, in VS Code's order (as vscode-languageclient sends them).
        const changes = changeKind(this.client.capabilities) === 2
            ? event.contentChanges.map((change) => ({ range: fromRange(change.range), text: change.text }))
            : [{ text: document.getText() }];
        this.client.didChange(uri, document.version, changes);
        if (vscode.window.activeTextEditor && vscode.window.activeTextEditor.document === document) {
            this.scheduleStatus(this.debounceMs);
        }
    }

    didClose(document) {
        const uri = document.uri.toString();
        this.diagnostics.delete(document.uri);
        if (!this.isOpen(document)) return;
        this.opened.delete(uri);
        this.resynchronised.delete(uri);
        this.client.didClose(uri);
        this.scheduleStatus(0);
    }

    publishDiagnostics(params) {
        if (!params || typeof params.uri !== 'string') return;
        const uri = vscode.Uri.parse(params.uri);
        // A late report for a document closed meanwhile would leave stale markers behind.
        if (!this.opened.has(params.uri)) {
            this.diagnostics.delete(uri);
            return;
        }
        const diagnostics = params.diagnostics || [];
        this.diagnostics.set(uri, diagnostics.map(toDiagnostic));
        if (diagnostics.some((diagnostic) => diagnostic.code === 'out-of-sync')) this.resynchronise(params.uri);
    }

    /**
     * The server could not apply an edit and says so with an `out-of-sync` diagnostic; reopening
     * the document with the editor's text puts it right. Once per document version, so a server
     * that keeps refusing cannot make this loop.
     */
    resynchronise(uri) {
        const document = vscode.workspace.textDocuments.find((item) => item.uri.toString() === uri);
        if (!document || !this.isOpen(document)) return;
        if (this.resynchronised.get(uri) === document.version) return;
        this.resynchronised.set(uri, document.version);
        this.log(`${uri}: the server's copy was out of sync; reopening it with the editor's text (version ${document.version})`);
        this.client.didClose(uri);
        this.client.didOpen(uri, document.languageId, document.version, document.getText());
        this.scheduleStatus(0);
    }

    showMessage(params) {
        if (!params) return;
        const text = `Preflight: ${params.message}`;
        this.log(text);
        if (params.type === 1) vscode.window.showErrorMessage(text);
        else if (params.type === 2) vscode.window.showWarningMessage(text);
        else if (params.type === 3) vscode.window.showInformationMessage(text);
    }

    // The status bar: the lens title of the active prompt document.

    scheduleStatus(delay) {
        if (this.statusTimer) clearTimeout(this.statusTimer);
        this.statusTimer = setTimeout(() => {
            this.statusTimer = null;
            this.updateStatus().catch((error) => this.log(`status: ${error.message}`));
        }, delay);
    }

    async updateStatus() {
        const editor = vscode.window.activeTextEditor;
        const generation = ++this.statusGeneration;
        if (!editor || !this.isOpen(editor.document)) {
            if (this.ready) this.status.hide();
            return;
        }
        if (!this.client.capabilities.codeLensProvider) return;
        let lenses;
        try {
            lenses = await this.client.request('textDocument/codeLens', { textDocument: { uri: editor.document.uri.toString() } });
        } catch (error) {
            if (generation !== this.statusGeneration || isCancellation(error)) return;
            this.status.text = '$(warning) Preflight';
            this.status.tooltip = error.message;
            this.status.show();
            return;
        }
        // A newer update started meanwhile (another edit, another editor): its answer wins.
        if (generation !== this.statusGeneration) return;
        const lens = (lenses || []).find((item) => item && item.command && item.command.title);
        if (!lens) {
            this.status.hide();
            return;
        }
        this.status.text = lens.command.title;
        this.status.tooltip = 'Preflight: tokens, tier → model, cost. Click for the full estimate.';
        this.status.show();
    }

    // Providers.

    async provideHover(document, position, token) {
        if (!this.isOpen(document) || !this.client.capabilities.hoverProvider) return null;
        try {
            const result = await this.client.request('textDocument/hover', {
                textDocument: { uri: document.uri.toString() },
                position: { line: position.line, character: position.character },
            }, { token });
            if (!result || !result.contents) return null;
            const markdown = new vscode.MarkdownString(markdownOf(result.contents));
            return new vscode.Hover(markdown, result.range ? toRange(result.range) : undefined);
        } catch (error) {
            if (!isCancellation(error)) this.log(`hover: ${error.message}`);
            return null;
        }
    }

    async provideCodeLenses(document, token) {
        if (!this.isOpen(document) || !this.client.capabilities.codeLensProvider) return [];
        try {
            const lenses = await this.client.request('textDocument/codeLens', { textDocument: { uri: document.uri.toString() } }, { token });
            // The server's lens command (`preflight.estimate`) runs on the server; clicking the
            // lens runs this extension's command, which asks the server for it and shows it.
            return (lenses || []).filter((lens) => lens && lens.command).map((lens) => new vscode.CodeLens(toRange(lens.range), {
                title: lens.command.title,
                command: 'preflight.showEstimate',
                arguments: [document.uri],
            }));
        } catch (error) {
            if (!isCancellation(error)) this.log(`code lens: ${error.message}`);
            return [];
        }
    }

    // Commands.

    /** The prompt document a command is about (its argument, else the active editor's). */
    commandDocument(uri) {
        if (uri) {
            const text = uri.toString();
            return vscode.workspace.textDocuments.find((document) => document.uri.toString() === text) || null;
        }
        const editor = vscode.window.activeTextEditor;
        return editor ? editor.document : null;
    }

    async requireDocument(uri) {
        if (!this.ready) {
            vscode.window.showErrorMessage('Preflight: the server is not running; see the Preflight output.');
            return null;
        }
        const document = this.commandDocument(uri);
        if (!document || !this.isOpen(document)) {
            vscode.window.showWarningMessage('Preflight: open a prompt file (*.prompt, *.prompt.md) first.');
            return null;
        }
        return document;
    }

    /** Runs `preflight.estimate` for the document (or the selection) and shows the result. */
    async showEstimate(uri) {
        const document = await this.requireDocument(uri);
        if (!document) return undefined;
        const argument = { uri: document.uri.toString() };
        const editor = vscode.window.activeTextEditor;
        if (!uri && editor && editor.document === document && editor.selection && !editor.selection.isEmpty) {
            argument.range = fromRange(editor.selection);
        }
        let result;
        try {
            result = await this.client.request('workspace/executeCommand', { command: 'preflight.estimate', arguments: [argument] });
        } catch (error) {
            vscode.window.showErrorMessage(`Preflight: ${error.serverMessage || error.message}`);
            return undefined;
        }
        const tokens = result.tokens || {};
        // The priced model: the recommendation is null when no model can hold the prompt.
        const model = result.model || {};
        const cost = result.cost || {};
        const summary = `${tokens.exact === false ? '~' : ''}${tokens.input} tokens (${tokens.tokenizer}) · `
            + `${model.tier} → ${model.id} · ${cost.credits} credits`
            + (argument.range ? ' (selection)' : '');
        this.log(`estimate ${document.uri.toString()}${argument.range ? ' (selection)' : ''}:`);
        this.log(JSON.stringify(result, null, 2));
        this.output.show(true);
        vscode.window.showInformationMessage(`Preflight: ${summary}`);
        return result;
    }

    /** Runs `preflight.check` against the `preflight.budget` setting, or a balance asked for. */
    async check(uri) {
        const document = await this.requireDocument(uri);
        if (!document) return undefined;
        const argument = { uri: document.uri.toString() };
        const budget = this.config.get('budget');
        if (!budget || typeof budget !== 'object' || Object.keys(budget).length === 0) {
            const answer = await vscode.window.showInputBox({
                prompt: 'Preflight: your balance in credits (1 credit = 1 USD); set preflight.budget to skip this question',
                validateInput: (text) => (/^\d+(\.\d+)?$/.test(text.trim()) ? null : 'a number of credits, such as 5 or 0.25'),
            });
            if (answer === undefined) return undefined;
            argument.budget = { balance: Number(answer.trim()) };
        }
        let result;
        try {
            result = await this.client.request('workspace/executeCommand', { command: 'preflight.check', arguments: [argument] });
        } catch (error) {
            vscode.window.showErrorMessage(`Preflight: ${error.serverMessage || error.message}`);
            return undefined;
        }
        this.log(`check ${document.uri.toString()}:`);
        this.log(JSON.stringify(result, null, 2));
        const text = `Preflight: ${result.allowed ? 'within budget' : 'refused'}: ${result.reason} (${result.credits} credits)`;
        if (result.allowed) vscode.window.showInformationMessage(text);
        else vscode.window.showWarningMessage(text);
        return result;
    }

    // Settings.

    configurationChanged(event) {
        if (!event.affectsConfiguration('preflight')) return;
        const options = serverOptions(this.config);
        const cleared = Object.keys(this.lastOptions).some((key) => !(key in options));
        // A new binary needs a new process, and so does a cleared setting: the server keeps
        // the previous value of a setting that is not sent.
        if (event.affectsConfiguration('preflight.path') || cleared || !this.ready) {
            this.startup = this.restart();
            return;
        }
        this.lastOptions = options;
        this.client.notify('workspace/didChangeConfiguration', { settings: { preflight: options } });
        this.codeLensChanged.fire();
        this.scheduleStatus(0);
    }

    async restart() {
        await this.stop();
        this.stopping = false;
        this.status.hide();
        await this.start();
    }

    async stop() {
        this.stopping = true;
        if (this.statusTimer) clearTimeout(this.statusTimer);
        this.statusTimer = null;
        this.statusGeneration++;
        const client = this.client;
        this.client = null;
        this.opened.clear();
        this.resynchronised.clear();
        this.diagnostics.clear();
        if (!client) return null;
        return client.stop();
    }

    dispose() {
        // Disposal cannot wait; `deactivate` is what waits for the server to exit.
        if (this.client && this.client.running) this.stop();
    }
}

let extension = null;

async function activate(context) {
    extension = new PreflightExtension(context);
    extension.startup = extension.start();
    await extension.startup;
    const current = extension;
    // The API other extensions (and the tests) get: the client for custom requests such as
    // `preflight/countTokens`.
    return {
        get client() { return current.client; },
        get startup() { return current.startup; },
    };
}

async function deactivate() {
    if (!extension) return undefined;
    const current = extension;
    extension = null;
    return current.stop();
}

module.exports = {
    activate,
    deactivate,
    // Exposed for the tests.
    findServer,
    serverOptions,
    isPromptDocument,
    markdownOf,
};
