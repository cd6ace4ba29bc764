'use strict';
// A stand-in for the `vscode` module: the part of VS Code's extension API the Preflight extension
// uses, recording what the extension does with it (registered providers and commands, status
// bar text, diagnostics, messages) so a test can drive the extension without VS Code.
// `install()` makes `require('vscode')` return this module.

const Module = require('node:module');
const path = require('node:path');

class Disposable {
    constructor(callOnDispose) { this.callOnDispose = callOnDispose; }
    dispose() { if (this.callOnDispose) this.callOnDispose(); this.callOnDispose = null; }
}

class EventEmitter {
    constructor() {
        this.listeners = new Set();
        this.event = (listener) => {
            this.listeners.add(listener);
            return new Disposable(() => this.listeners.delete(listener));
        };
    }
    fire(value) { for (const listener of [...this.listeners]) listener(value); }
    dispose() { this.listeners.clear(); }
}

class Position {
    constructor(line, character) { this.line = line; this.character = character; }
}

class Range {
    constructor(start, end) { this.start = start; this.end = end; }
    get isEmpty() { return this.start.line === this.end.line && this.start.character === this.end.character; }
}

class Selection extends Range {}

class Uri {
    constructor(scheme, pathPart) { this.scheme = scheme; this.path = pathPart; }
    static file(file) { return new Uri('file', path.resolve(file)); }
    static parse(text) {
        const match = /^([a-z][a-z0-9+.-]*):(?:\/\/[^/]*)?(.*)$/i.exec(text);
        if (!match) throw new Error(`not a URI: ${text}`);
        return new Uri(match[1], decodeURIComponent(match[2]));
    }
    get fsPath() { return this.path; }
    toString() { return `${this.scheme}://${encodeURI(this.path)}`; }
}

class MarkdownString {
    constructor(value) { this.value = value || ''; }
    appendMarkdown(text) { this.value += text; return this; }
}

class Hover {
    constructor(contents, range) { this.contents = contents; this.range = range; }
}

class CodeLens {
    constructor(range, command) { this.range = range; this.command = command; }
}

const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
const StatusBarAlignment = { Left: 1, Right: 2 };

class Diagnostic {
    constructor(range, message, severity) { this.range = range; this.message = message; this.severity = severity; }
}

/** A text document whose text a test edits with `edit(range, text)` (positions in UTF-16). */
class TextDocument {
    constructor(file, languageId, text) {
        this.uri = Uri.file(file);
        this.fileName = this.uri.fsPath;
        this.languageId = languageId;
        this.version = 1;
        this.text = text;
    }
    getText() { return this.text; }
    offsetAt(position) {
        const lines = this.text.split('\n');
        let offset = 0;
        for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
        return offset + position.character;
    }
    /** Replaces `range` by `text`; returns the content change VS Code would report. */
    edit(range, text) {
        const start = this.offsetAt(range.start);
        const end = this.offsetAt(range.end);
        this.text = this.text.slice(0, start) + text + this.text.slice(end);
        this.version += 1;
        return { range, rangeOffset: start, rangeLength: end - start, text };
    }
}

function createStandIn() {
    const recorded = {
        hoverProviders: [],
        codeLensProviders: [],
        commands: new Map(),
        statusItems: [],
        diagnosticCollections: [],
        messages: [],
        outputs: [],
        inputBoxAnswers: [],
    };
    const events = {
        open: new EventEmitter(),
        change: new EventEmitter(),
        close: new EventEmitter(),
        activeEditor: new EventEmitter(),
        configuration: new EventEmitter(),
    };
    let settings = {};

    const record = (kind) => (message) => {
        recorded.messages.push({ kind, message });
        return Promise.resolve(undefined);
    };

    const window = {
        activeTextEditor: undefined,
        onDidChangeActiveTextEditor: events.activeEditor.event,
        createStatusBarItem(alignment, priority) {
            const item = { alignment, priority, text: '', tooltip: undefined, command: undefined, name: undefined, visible: false,
                show() { this.visible = true; }, hide() { this.visible = false; }, dispose() { this.visible = false; } };
            recorded.statusItems.push(item);
            return item;
        },
        createOutputChannel(name) {
            const channel = { name, text: '', append(t) { this.text += t; }, appendLine(t) { this.text += `${t}\n`; },
                show() {}, dispose() {} };
            recorded.outputs.push(channel);
            return channel;
        },
        showErrorMessage: record('error'),
        showWarningMessage: record('warning'),
        showInformationMessage: record('information'),
        showInputBox() { return Promise.resolve(recorded.inputBoxAnswers.shift()); },
    };

    const workspace = {
        textDocuments: [],
        workspaceFolders: undefined,
        onDidOpenTextDocument: events.open.event,
        onDidChangeTextDocument: events.change.event,
        onDidCloseTextDocument: events.close.event,
        onDidChangeConfiguration: events.configuration.event,
        getConfiguration(section) {
            return {
                get(key, fallback) {
                    const value = settings[`${section}.${key}`];
                    return value === undefined ? fallback : value;
                },
            };
        },
    };

    const languages = {
        registerHoverProvider(selector, provider) {
            recorded.hoverProviders.push({ selector, provider });
            return new Disposable();
        },
        registerCodeLensProvider(selector, provider) {
            recorded.codeLensProviders.push({ selector, provider });
            return new Disposable();
        },
        createDiagnosticCollection(name) {
            const entries = new Map();
            const collection = {
                name,
                entries,
                set(uri, diagnostics) { entries.set(uri.toString(), diagnostics); },
                get(uri) { return entries.get(uri.toString()); },
                delete(uri) { entries.delete(uri.toString()); },
                clear() { entries.clear(); },
                dispose() { entries.clear(); },
            };
            recorded.diagnosticCollections.push(collection);
            return collection;
        },
    };

    const commands = {
        registerCommand(id, callback) {
            recorded.commands.set(id, callback);
            return new Disposable(() => recorded.commands.delete(id));
        },
        executeCommand(id, ...args) {
            const callback = recorded.commands.get(id);
            if (!callback) return Promise.reject(new Error(`command ${id} not found`));
            return Promise.resolve(callback(...args));
        },
    };

    // What a test does as the user.
    const user = {
        settings(values) { settings = { ...values }; },
        changeSettings(values) {
            const changed = Object.keys(values);
            settings = { ...settings, ...values };
            events.configuration.fire({ affectsConfiguration: (section) => changed.some((key) => key === section || key.startsWith(`${section}.`)) });
        },
        open(document) {
            workspace.textDocuments.push(document);
            events.open.fire(document);
        },
        show(document) {
            window.activeTextEditor = document ? { document, selection: new Selection(new Position(0, 0), new Position(0, 0)) } : undefined;
            events.activeEditor.fire(window.activeTextEditor);
        },
        edit(document, range, text) {
            const change = document.edit(range, text);
            events.change.fire({ document, contentChanges: [change], reason: undefined });
        },
        /** Reports `contentChanges` as they are (a test's way to make the server's copy diverge). */
        reportChange(document, contentChanges) {
            events.change.fire({ document, contentChanges, reason: undefined });
        },
        close(document) {
            workspace.textDocuments = workspace.textDocuments.filter((item) => item !== document);
            if (window.activeTextEditor && window.activeTextEditor.document === document) user.show(undefined);
            events.close.fire(document);
        },
    };

    return {
        module: {
            Disposable, EventEmitter, Position, Range, Selection, Uri, MarkdownString, Hover, CodeLens,
            Diagnostic, DiagnosticSeverity, StatusBarAlignment, window, workspace, languages, commands,
        },
        recorded,
        user,
        TextDocument,
    };
}

let current = null;
let installed = false;

/** Makes `require('vscode')` return a fresh stand-in; returns it. */
function install() {
    current = createStandIn();
    if (!installed) {
        const resolve = Module._resolveFilename;
        // `vscode` is provided by the editor, never installed; resolve it to a fixed key whose
        // `require.cache` entry is the current stand-in.
        Module._resolveFilename = function resolveVSCode(request, ...rest) {
            if (request === 'vscode') return 'vscode-stand-in:vscode';
            return resolve.call(this, request, ...rest);
        };
        installed = true;
    }
    const entry = new Module('vscode-stand-in:vscode');
    entry.filename = 'vscode-stand-in:vscode';
    entry.loaded = true;
    entry.exports = current.module;
    require.cache['vscode-stand-in:vscode'] = entry;
    return current;
}

/** A fresh copy of the extension (its module state is per activation). */
function loadExtension() {
    const file = require.resolve('../extension.js');
    delete require.cache[file];
    return require(file);
}

module.exports = { install, loadExtension, TextDocument };
