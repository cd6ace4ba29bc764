#!/usr/bin/env python3
"""Checks a Helix languages.toml against the keys Helix documents, so a typo in the Preflight
snippet is caught here rather than by Helix refusing the whole file at start-up (Helix reads
`[[language]]` tables with serde's `deny_unknown_fields`).

    python3 check_languages_toml.py [FILE]                  # default: languages.toml next to this script
    python3 check_languages_toml.py --print-config NAME [FILE]

Checks: every key of the top level, of each `[[language]]` and of each `[language-server.*]`
is a documented one; required keys are there with the right types; `file-types` entries are
strings or `{ glob = "..." }`; `language-servers` entries name servers defined in the file
(or are `{ name, only-features, except-features }` with documented features); the `config` of a
server named `preflight` or whose command is `preflight` holds only the options the Preflight server reads.

Prints `FILE: ok …` and exits 0, or prints one line per problem (`FILE: where: key: what`) and
exits 1. A file that is not TOML exits 2; Python older than 3.11 (no tomllib) exits 3.
`--print-config NAME` prints that server's `config` as JSON (what Helix sends as
`initializationOptions`) after the checks pass.
"""

import json
import os
import sys

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    print("check_languages_toml.py needs Python 3.11 or later (tomllib)", file=sys.stderr)
    sys.exit(3)

# The key sets below are Helix's documentation: the book's "Languages" chapter,
# book/src/languages.md (https://docs.helix-editor.com/languages.html), read at helix-editor/helix
# commit fbc8e873e4d7a7aeaafbd5aa2cfa2f0209754782, cross-checked with the structs that parse them
# (helix-core/src/syntax/config.rs: LanguageConfiguration, LanguageServerConfiguration,
# LanguageServerFeature).

# Top level: `use-grammars` ("Choosing grammars"), `[[language]]`, `[language-server]`, `[[grammar]]`.
TOP_LEVEL_KEYS = {"use-grammars", "language", "language-server", "grammar"}

# "Language configuration": the table of keys. `comment-token` is documented there as the
# backwards-compatible spelling of `comment-tokens`. `auto-pairs` and `debugger` are not in that
# table but LanguageConfiguration reads them too.
LANGUAGE_KEYS = {
    "name", "language-id", "scope", "injection-regex", "file-types", "shebangs", "roots",
    "auto-format", "diagnostic-severity", "comment-tokens", "comment-token", "block-comment-tokens",
    "indent", "language-servers", "grammar", "formatter", "soft-wrap", "text-width", "rulers",
    "path-completion", "word-completion", "workspace-lsp-roots", "persistent-diagnostic-sources",
    "auto-pairs", "debugger",
}
# LanguageConfiguration fields without a serde default: Helix rejects a language without them.
REQUIRED_LANGUAGE_KEYS = ("name", "scope", "file-types")

# "Language Server configuration": the table of options.
LANGUAGE_SERVER_KEYS = {"command", "args", "config", "timeout", "environment", "required-root-patterns"}
REQUIRED_LANGUAGE_SERVER_KEYS = ("command",)

# "Configuring Language Servers for a language": an entry of `language-servers` is a name or a
# table with these keys, and the list of supported features (plus `document-colors`, which
# LanguageServerFeature accepts as well).
LANGUAGE_SERVER_ENTRY_KEYS = {"name", "only-features", "except-features"}
LANGUAGE_SERVER_FEATURES = {
    "format", "goto-definition", "goto-declaration", "goto-type-definition", "goto-reference",
    "goto-implementation", "signature-help", "hover", "document-highlight", "completion",
    "code-action", "workspace-command", "document-symbols", "workspace-symbols", "diagnostics",
    "rename-symbol", "inlay-hints", "document-colors",
}

# "File-type detection and the `file-types` key": a string (extension or file name) or a table
# with the one key `glob`.
FILE_TYPE_TABLE_KEYS = {"glob"}

# What `preflight serve` reads from `initializationOptions` (the editor contract, also in
# editor-integration/README.md), with the TOML types that map to the JSON it expects.
PREFLIGHT_OPTIONS = {
    "defaultModel": str,
    "budget": dict,
    "catalogPath": str,
    "routingPath": str,
    "debounceMs": int,
}
PREFLIGHT_BUDGET_KEYS = {"balance", "minimumBalance", "spendingLimit", "spent"}


class Checker:
    def __init__(self, path):
        self.path = path
        self.problems = []

    def problem(self, where, key, what):
        self.problems.append(f"{self.path}: {where}: {key}: {what}")

    def unknown_keys(self, where, table, known):
        for key in table:
            if key not in known:
                self.problem(where, key, "not a key Helix documents here (known: " + ", ".join(sorted(known)) + ")")

    def string_list(self, where, key, value):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(where, key, "must be a list of strings")

    def check(self, document):
        self.unknown_keys("top level", document, TOP_LEVEL_KEYS)
        servers = document.get("language-server", {})
        if not isinstance(servers, dict):
            self.problem("top level", "language-server", "must be a table of servers")
            servers = {}
        for name, server in servers.items():
            self.check_server(name, server)
        languages = document.get("language", [])
        if not isinstance(languages, list):
            self.problem("top level", "language", "must be an array of tables ([[language]])")
            languages = []
        for index, language in enumerate(languages):
            self.check_language(index, language, servers)
        return servers, languages

    def check_server(self, name, server):
        where = f"[language-server.{name}]"
        if not isinstance(server, dict):
            self.problem(where, name, "must be a table")
            return
        self.unknown_keys(where, server, LANGUAGE_SERVER_KEYS)
        for key in REQUIRED_LANGUAGE_SERVER_KEYS:
            if key not in server:
                self.problem(where, key, "missing (required)")
        command = server.get("command")
        if "command" in server and (not isinstance(command, str) or command == ""):
            self.problem(where, "command", "must be a non-empty string")
        if "args" in server:
            self.string_list(where, "args", server["args"])
        if "timeout" in server and (not isinstance(server["timeout"], int) or isinstance(server["timeout"], bool) or server["timeout"] <= 0):
            self.problem(where, "timeout", "must be a positive integer (seconds)")
        if "environment" in server:
            environment = server["environment"]
            if not isinstance(environment, dict) or not all(isinstance(v, str) for v in environment.values()):
                self.problem(where, "environment", "must be a table of strings")
        if "required-root-patterns" in server:
            self.string_list(where, "required-root-patterns", server["required-root-patterns"])
        if "config" in server and not isinstance(server["config"], dict):
            self.problem(where, "config", "must be a table (the initialization options)")
        elif name == "preflight" or (isinstance(command, str) and os.path.basename(command) == "preflight"):
            self.check_preflight_options(f"{where}.config", server.get("config", {}))

    def check_preflight_options(self, where, config):
        for key, value in config.items():
            expected = PREFLIGHT_OPTIONS.get(key)
            if expected is None:
                self.problem(where, key, "not an option the Preflight server reads (known: " + ", ".join(sorted(PREFLIGHT_OPTIONS)) + ")")
            elif not isinstance(value, expected) or isinstance(value, bool):
                self.problem(where, key, f"must be a {'table' if expected is dict else expected.__name__}")
        if isinstance(config.get("debounceMs"), int) and not 0 <= config["debounceMs"] <= 10000:
            self.problem(where, "debounceMs", "must be between 0 and 10000")
        budget = config.get("budget")
        if isinstance(budget, dict):
            for key, value in budget.items():
                if key not in PREFLIGHT_BUDGET_KEYS:
                    self.problem(f"{where}.budget", key, "not a budget member (known: " + ", ".join(sorted(PREFLIGHT_BUDGET_KEYS)) + ")")
                elif not isinstance(value, (int, float)) or isinstance(value, bool):
                    self.problem(f"{where}.budget", key, "must be a number of credits")

    def check_language(self, index, language, servers):
        where = f"[[language]] #{index + 1}"
        if not isinstance(language, dict):
            self.problem(where, "language", "must be a table")
            return
        if isinstance(language.get("name"), str):
            where = f"[[language]] {language['name']}"
        self.unknown_keys(where, language, LANGUAGE_KEYS)
        for key in REQUIRED_LANGUAGE_KEYS:
            if key not in language:
                self.problem(where, key, "missing (required)")
        for key in ("name", "scope", "language-id", "injection-regex", "grammar"):
            if key in language and not isinstance(language[key], str):
                self.problem(where, key, "must be a string")
        for key in ("roots", "shebangs"):
            if key in language:
                self.string_list(where, key, language[key])
        file_types = language.get("file-types", [])
        if not isinstance(file_types, list):
            self.problem(where, "file-types", "must be a list")
            file_types = []
        for item in file_types:
            if isinstance(item, str):
                continue
            if isinstance(item, dict):
                self.unknown_keys(f"{where} file-types", item, FILE_TYPE_TABLE_KEYS)
                if not isinstance(item.get("glob"), str) or item.get("glob") == "":
                    self.problem(f"{where} file-types", "glob", "a table entry must be { glob = \"pattern\" }")
                continue
            self.problem(where, "file-types", f"entry {item!r} is neither a string nor {{ glob = ... }}")
        entries = language.get("language-servers", [])
        if not isinstance(entries, list):
            self.problem(where, "language-servers", "must be a list")
            entries = []
        for entry in entries:
            self.check_server_entry(where, entry, servers)

    def check_server_entry(self, where, entry, servers):
        if isinstance(entry, dict):
            self.unknown_keys(f"{where} language-servers", entry, LANGUAGE_SERVER_ENTRY_KEYS)
            for key in ("only-features", "except-features"):
                for feature in entry.get(key, []):
                    if feature not in LANGUAGE_SERVER_FEATURES:
                        self.problem(f"{where} language-servers", key, f"unknown feature {feature!r}")
            name = entry.get("name")
        else:
            name = entry
        if not isinstance(name, str):
            self.problem(where, "language-servers", f"entry {entry!r} is neither a server name nor {{ name = ... }}")
        elif name not in servers:
            self.problem(where, "language-servers", f"{name!r} is not defined in a [language-server.{name}] table of this file")


def main(argv):
    print_config = None
    args = list(argv)
    if args[:1] == ["--print-config"]:
        if len(args) < 2:
            print("usage: check_languages_toml.py [--print-config NAME] [FILE]", file=sys.stderr)
            return 2
        print_config = args[1]
        args = args[2:]
    path = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "languages.toml")
    try:
        with open(path, "rb") as file:
            document = tomllib.load(file)
    except OSError as error:
        print(f"{path}: cannot read: {error.strerror}", file=sys.stderr)
        return 2
    except tomllib.TOMLDecodeError as error:
        print(f"{path}: not valid TOML: {error}", file=sys.stderr)
        return 2
    checker = Checker(path)
    servers, languages = checker.check(document)
    if checker.problems:
        for line in checker.problems:
            print(line)
        return 1
    if print_config is not None:
        if print_config not in servers:
            print(f"{path}: no [language-server.{print_config}]", file=sys.stderr)
            return 1
        print(json.dumps(servers[print_config].get("config", {}), sort_keys=True))
        return 0
    print(f"{path}: ok ({len(languages)} language(s), {len(servers)} language server(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
