'use strict';
// What both test files share: where the server and fixtures are, and waiting with a deadline.
// Support code lives here, not in test/: `node --test test/` runs every .js file under a
// directory named `test` as a test file.

const fs = require('node:fs');
const path = require('node:path');

const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
const tinyCatalog = path.join(repositoryRoot, 'Tests/EndToEndTests/Clients/fixtures/tiny-context-catalog-vscode.json');
const scriptedServer = path.join(__dirname, 'scripted-server.js');

function isExecutableFile(file) {
    try {
        if (!fs.statSync(file).isFile()) return false;
        fs.accessSync(file, fs.constants.X_OK);
        return true;
    } catch (_) {
        return false;
    }
}

const serverBinary = process.env.PREFLIGHT_BIN || '';

/** Why the real-server tests cannot run (a skip message), or false when they can. */
const realServerSkip = serverBinary === ''
    ? 'PREFLIGHT_BIN is not set: point it at a preflight binary (and PREFLIGHT_MODELS at its models/) to run the tests against the real server'
    : (isExecutableFile(serverBinary) ? false : `PREFLIGHT_BIN=${serverBinary} is not an executable file`);

/** The server's environment: this one, where PREFLIGHT_MODELS (if set) tells it its models/. */
function serverEnvironment(extra = {}) {
    return { ...process.env, ...extra };
}

/** Resolves with `check()`'s first truthy value; rejects after `timeoutMs` naming `what`. */
function waitFor(check, what, timeoutMs = 20000) {
    return new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
            let value;
            try {
                value = check();
            } catch (error) {
                reject(error);
                return;
            }
            if (value) {
                resolve(value);
                return;
            }
            if (Date.now() - started > timeoutMs) {
                reject(new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`));
                return;
            }
            setTimeout(tick, 20);
        };
        tick();
    });
}

/** The title format the contract gives the lens: `[~]1,234 tok · tier → model · 0.0031 credits`. */
const LENS_TITLE = /^~?[\d,]+ tok · \w+ → .+ · [\d.]+ credits$/;

/** The token count in a lens title. */
function tokensInTitle(title) {
    const match = /^~?([\d,]+) tok/.exec(title || '');
    return match ? Number(match[1].replace(/,/g, '')) : null;
}

// A prompt of about 200 tokens: past tiny-economy's 50-token window, whatever the tokenizer.
const LONG_PROMPT = [
    'You are reviewing a pull request for a payment service written in Swift.',
    'Summarise what the change does, list every behaviour that differs from before,',
    'name the tests that cover each difference and the ones that are missing,',
    'and say whether the migration of stored card tokens can run twice without harm.',
    '',
    'Then propose three follow-up tasks, each with an estimate in hours, a risk level,',
    'and the files it touches; explain your reasoning briefly for each one, and keep',
    'the whole answer under four hundred words so the reviewer can read it quickly.',
].join('\n');

module.exports = {
    repositoryRoot,
    tinyCatalog,
    scriptedServer,
    serverBinary,
    realServerSkip,
    serverEnvironment,
    waitFor,
    LENS_TITLE,
    tokensInTitle,
    LONG_PROMPT,
    isExecutableFile,
};
