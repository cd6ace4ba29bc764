import Foundation
import JSON
import PreflightAPI
import Testing
import TestSupport

/// `preflight estimate`, `check` and `models` on the command line: exit codes, text output, and
/// `--json` equal to the JSON-RPC method's result for the same input, both read through the
/// method's result shape.
@Suite struct AdvisorCommandLineTests {
    /// The result of one request run through `serve --catalog catalog`, decoded as `type`.
    func methodResult<Result: Decodable>(_ type: Result.Type, _ method: String, _ params: [String: Any],
                                         catalog: String) throws -> Result {
        let line = AdvisorFixtures.request(1, method, try AdvisorFixtures.json(params))
        let session = try runSession([initializeLine, line], arguments: ["serve", "--catalog", catalog])
        return try #require(session.messages.last).decodedResult(type)
    }

    /// A command's `--json` output decoded as `type`.
    func parse<Result: Decodable>(_ stdout: String, as type: Result.Type) throws -> Result {
        try JSONValue.decode(type, fromText: stdout)
    }

    @Test func estimateJSONIsTheMethodsResultForTheFileBytes() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        // CRLF line ends and a final newline: counted as they are, not normalised.
        let text = "Summarise this in one line:\r\nThe build is green again.\r\n"
        let file = try AdvisorFixtures.write(text, name: "prompt.txt")
        let cli = try runCLI(["estimate", "--catalog", catalog, "--model", "mid", "--max-output", "300", "--json", file])
        #expect(cli.status == 0)
        let method = try methodResult(EstimateResult.self, "preflight/estimate",
                                      ["prompt": text, "model": "mid", "maxOutputTokens": 300], catalog: catalog)
        #expect(try parse(cli.stdout, as: EstimateResult.self) == method)
        // Without --model, the recommendation; from stdin with "-".
        let piped = try runCLI(["estimate", "--catalog", catalog, "--json", "-"], input: text)
        #expect(piped.status == 0)
        #expect(try parse(piped.stdout, as: EstimateResult.self)
                == (try methodResult(EstimateResult.self, "preflight/estimate", ["prompt": text], catalog: catalog)))
    }

    @Test func estimateTextNamesTheModelTheCostAndEveryTier() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let file = try AdvisorFixtures.write("Is this spam? \"You won a prize\"", name: "prompt.txt")
        let cli = try runCLI(["estimate", "--catalog", catalog, "--model", "cheap", file])
        #expect(cli.status == 0)
        #expect(cli.stdout.contains("cheap (economy, acme) — requested"))
        #expect(cli.stdout.contains(" credits (range "))
        for model in ["flat", "mid", "big", "top"] { #expect(cli.stdout.contains(model)) }
        // Names as the JSON spells them (the script's name, not the Swift case's).
        #expect(cli.stdout.contains("(dominant Latin)"))
        #expect(cli.stderr.isEmpty)
    }

    @Test func estimateExitCodes() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let file = try AdvisorFixtures.write("hello", name: "prompt.txt")
        let missing = try runCLI(["estimate", "--catalog", catalog, "/nonexistent/prompt.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/prompt.txt"))
        let truncated = try AdvisorFixtures.truncatedCatalog()
        let badCatalog = try runCLI(["estimate", "--catalog", truncated, file])
        #expect(badCatalog.status == 2)
        // FILE:LINE:COLUMN, as Jansson reports the syntax error.
        #expect(badCatalog.stderr.range(of: "\(truncated):[0-9]+:[0-9]+: ", options: .regularExpression) != nil)
        #expect(badCatalog.stdout.isEmpty)
        let unknownModel = try runCLI(["estimate", "--catalog", catalog, "--model", "gpt-99", file])
        #expect(unknownModel.status == 64)
        #expect(unknownModel.stderr.contains("gpt-99"))
        #expect(try runCLI(["estimate", "--max-output", "0", file]).status == 64)
        #expect(try runCLI(["estimate", "--max-output", "lots", file]).status == 64)
        #expect(try runCLI(["estimate", file]).status == 0)
    }

    @Test func checkExitsZeroWhenAllowedAndThreeWhenRefused() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let file = try AdvisorFixtures.write("Reply with yes or no: is 7 prime?", name: "prompt.txt")
        let allowed = try runCLI(["check", "--catalog", catalog, "--model", "flat", "--balance", "5", file])
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("ALLOWED: within budget"))
        let refused = try runCLI(["check", "--catalog", catalog, "--model", "flat", "--balance", "0.10", file])
        #expect(refused.status == 3)
        #expect(refused.stdout.contains("REFUSED: the balance after this request would be"))
        let overLimit = try runCLI(["check", "--catalog", catalog, "--model", "flat", "--limit", "1", "--spent", "1", "--json", file])
        #expect(overLimit.status == 3)
        #expect(try parse(overLimit.stdout, as: CheckResult.self).allowed == false)
    }

    @Test func checkJSONIsTheMethodsResult() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let text = "Translate to German: the train is late.\n"
        let file = try AdvisorFixtures.write(text, name: "prompt.txt")
        let cli = try runCLI(["check", "--catalog", catalog, "--balance", "0.25", "--min-balance", "0.2",
                              "--limit", "0.5", "--spent", "0.1", "--json", file])
        #expect(cli.status == 0)
        let method = try methodResult(CheckResult.self, "preflight/check", [
            "prompt": text,
            "budget": ["balance": 0.25, "minimumBalance": 0.2, "spendingLimit": 0.5, "spent": 0.1],
        ], catalog: catalog)
        #expect(try parse(cli.stdout, as: CheckResult.self) == method)
    }

    @Test func checkUsageAndInputErrors() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let file = try AdvisorFixtures.write("hello", name: "prompt.txt")
        #expect(try runCLI(["check", "--catalog", catalog, file]).status == 64)
        #expect(try runCLI(["check", "--catalog", catalog, "--balance", "1", "--spent", "0.5", file]).status == 64)
        #expect(try runCLI(["check", "--catalog", catalog, "--balance", "lots", file]).status == 64)
        // A negative amount is read as the value (not as an option) and refused for what it is.
        let negative = try runCLI(["check", "--catalog", catalog, "--limit", "-1", file])
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("--limit must not be negative, got -1"))
        let negativeBalance = try runCLI(["check", "--catalog", catalog, "--balance", "-1", file])
        #expect(negativeBalance.status == 3)
        #expect(negativeBalance.stdout.contains("REFUSED"))
        #expect(try runCLI(["check", "--catalog", catalog, "--balance", "1", "--model", "gpt-99", file]).status == 64)
        let missing = try runCLI(["check", "--catalog", catalog, "--balance", "1", "/nonexistent/p.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/p.txt"))
        let bad = try AdvisorFixtures.negativePriceCatalog()
        let badCatalog = try runCLI(["check", "--catalog", bad, "--balance", "1", file])
        #expect(badCatalog.status == 2)
        #expect(badCatalog.stderr.contains(bad))
        #expect(badCatalog.stderr.contains("model \"cheap\", field \"inputPerMillion\""))
    }

    @Test func modelsListsFiltersAndWarnsWhenStale() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let text = try runCLI(["models", "--catalog", catalog, "--tier", "economy"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("flat"))
        #expect(text.stdout.contains("cheap"))
        #expect(!text.stdout.contains("mid"))
        #expect(!text.stderr.contains("stale"))
        let json = try runCLI(["models", "--catalog", catalog, "--json"])
        #expect(try parse(json.stdout, as: ModelsResult.self)
                == (try methodResult(ModelsResult.self, "preflight/models", [:], catalog: catalog)))
        #expect(try runCLI(["models", "--tier", "cheapest"]).status == 64)
        let stale = try runCLI(["models", "--catalog", try AdvisorFixtures.staleCatalog()])
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("the model catalog is stale: its prices are from 2020-01-15"))
        let bundled = try runCLI(["models", "--json"])
        #expect(try parse(bundled.stdout, as: ModelsResult.self).models.count >= 40)
    }

    @Test func aCatalogDatedInTheFutureIsNotSaidToBeNegativeDaysOld() throws {
        let future = try AdvisorFixtures.write(AdvisorFixtures.catalogText(version: "2099-01-01"))
        let text = try runCLI(["models", "--catalog", future])
        #expect(text.status == 0)
        let header = text.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!header.contains("days old"), "\(text.stdout)")
        #expect(text.stdout.contains("days in the future — check its version"), "\(text.stdout)")
        #expect(text.stderr.contains("the model catalog is dated 2099-01-01"))
    }

    // MARK: - Issue 11

    @Test func catalogUpdateRebuildsTheReferenceThatNamedModelsArePricedFrom() throws {
        let litellm = try AdvisorFixtures.write("""
            {"acme/widget-9": {"litellm_provider": "acme", "mode": "chat", "max_input_tokens": 32000,
               "input_cost_per_token": 4e-07, "output_cost_per_token": 1.6e-06},
             "acme/no-window": {"litellm_provider": "acme", "mode": "chat",
               "input_cost_per_token": 1e-07, "output_cost_per_token": 2e-07}}
            """, name: "litellm.json")
        let output = (litellm as NSString).deletingLastPathComponent + "/reference.json"
        let update = try runCLI(["catalog", "update", "--from", litellm, "--litellm-version", "9.9.9",
                                 "--as-of", "2026-11-01", "--output", output])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stderr.contains("wrote 2 models to \(output)") && update.stderr.contains("1 with no context window"))
        let prompt = try AdvisorFixtures.write("Say hi.", name: "prompt.txt")
        let priced = try runCLI(["estimate", "--model", "ACME/Widget-9", "--expected-output", "10", "--json", prompt],
                                environment: ["PREFLIGHT_REFERENCE": output])
        #expect(priced.status == 0, "\(priced.stderr)")
        let result = try parse(priced.stdout, as: EstimateResult.self)
        #expect(result.priceSource?.layer == .reference && result.priceSource?.entry == "acme/widget-9")
        #expect(result.priceSource?.catalogVersion == "litellm-9.9.9" && result.priceSource?.pricesAsOf == "2026-11-01")
        let listed = try runCLI(["models", "--search", "widget", "--json"], environment: ["PREFLIGHT_REFERENCE": output])
        #expect(try parse(listed.stdout, as: ModelsResult.self).models.map(\.id) == ["acme/widget-9"])
        let text = try runCLI(["models", "--layer", "reference"], environment: ["PREFLIGHT_REFERENCE": output])
        #expect(text.stdout.contains("Layer reference: litellm-9.9.9, 2 models;"), "\(text.stdout)")
        #expect(text.stdout.contains("unknown"))
        // A bad date is a usage error; a file that is not LiteLLM's is an input error.
        #expect(try runCLI(["catalog", "update", "--from", litellm, "--as-of", "yesterday"]).status == 64)
        let preflightFormat = try AdvisorFixtures.freshCatalog()
        #expect(try runCLI(["catalog", "update", "--from", preflightFormat, "--output", output]).status == 2)
        // LiteLLM's reader takes overlapping tiered_pricing bands that Preflight's format refuses:
        // the update must say so and leave the working reference as it was.
        let before = try String(contentsOfFile: output, encoding: .utf8)
        let overlapping = try AdvisorFixtures.write("""
            {"acme/tiered": {"litellm_provider": "acme", "mode": "chat", "max_input_tokens": 32000,
               "tiered_pricing": [{"range": [0, 2000], "input_cost_per_token": 1e-07, "output_cost_per_token": 4e-07},
                                  {"range": [1000, 32000], "input_cost_per_token": 2e-07, "output_cost_per_token": 8e-07}]}}
            """, name: "litellm-overlap.json")
        let refused = try runCLI(["catalog", "update", "--from", overlapping, "--output", output])
        #expect(refused.status == 2 && refused.stderr.contains("would not load"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == before)
    }

    @Test func aNearMissModelNameSuggestsTheNearestNames() throws {
        let prompt = try AdvisorFixtures.write("Say hi.", name: "prompt.txt")
        let typo = try runCLI(["estimate", "--model", "claude-sonet-4-5", prompt])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains(#"did you mean "claude-sonnet-4-5""#), "\(typo.stderr)")
    }

    // MARK: - Issue 12

    @Test func aMistypedCommandIsNamedWithTheNearestOne() throws {
        let typo = try runCLI(["estimat", "prompt.txt"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains(#"unknown command "estimat"; did you mean "estimate"?"#))
        let nothingNear = try runCLI(["frobnicate"])
        #expect(nothingNear.status == 64)
        #expect(nothingNear.stderr.contains("commands: serve, count, estimate, check, models, calibrate"))
        #expect(!nothingNear.stderr.contains("did you mean"))
    }

    @Test func estimateAndCheckTakeTheOutputCacheReasoningAndServiceTierOptions() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let text = "Summarise: the meeting moved to Tuesday.\n"
        let file = try AdvisorFixtures.write(text, name: "prompt.txt")
        let options = ["--model", "big", "--expected-output", "600", "--max-output", "900", "--cached-input", "3",
                       "--cache-write", "2", "--reasoning", "100", "--service-tier", "batch"]
        let cli = try runCLI(["estimate", "--catalog", catalog, "--json"] + options + [file])
        #expect(cli.status == 0, "\(cli.stderr)")
        let method = try methodResult(EstimateResult.self, "preflight/estimate", [
            "prompt": text, "model": "big", "expectedOutputTokens": 600, "maxOutputTokens": 900,
            "cachedInputTokens": 3, "cacheWriteTokens": 2, "reasoningTokens": 100, "serviceTier": "batch",
        ], catalog: catalog)
        let result = try parse(cli.stdout, as: EstimateResult.self)
        #expect(result == method)
        #expect(result.cost.outputTokens == 600 && result.cost.reasoningTokens == 100)
        let check = try runCLI(["check", "--catalog", catalog, "--balance", "5", "--json"] + options + [file])
        #expect(check.status == 0)
        #expect(try parse(check.stdout, as: CheckResult.self).credits == result.cost.credits)
        // Contradicting options are usage errors.
        let contradiction = try runCLI(["estimate", "--catalog", catalog, "--expected-output", "5000", "--max-output", "10", file])
        #expect(contradiction.status == 64)
        #expect(contradiction.stderr.contains("--expected-output 5000 exceeds --max-output 10"))
        #expect(try runCLI(["estimate", "--catalog", catalog, "--service-tier", "turbo", file]).status == 64)
        #expect(try runCLI(["estimate", "--catalog", catalog, "--cached-input", "-1", file]).status == 64)
        // What the method refuses about the prompt is exit 2: more cached tokens than the input has.
        let tooManyCached = try runCLI(["estimate", "--catalog", catalog, "--model", "cheap", "--cached-input", "100000", file])
        #expect(tooManyCached.status == 2)
        #expect(tooManyCached.stderr.contains("cachedInputTokens"))
    }

    @Test func theHeadlineNamesItsModelAndTokenizerBesideTheExactCount() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let file = try AdvisorFixtures.write("Explain why the sky is blue, briefly.", name: "prompt.txt")
        let count = try runCLI(["count", file]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // mid is counted with the claude family's estimate: the exact o200k_base count goes beside it.
        let estimated = try runCLI(["estimate", "--catalog", catalog, "--model", "mid", file])
        #expect(estimated.status == 0)
        #expect(estimated.stdout.contains("input tokens for mid (its tokenizer claude, estimate "))
        #expect(estimated.stdout.contains("; \(count) in o200k_base (exact, as `preflight count` says)"))
        // cheap counts with o200k_base itself: one figure.
        let exact = try runCLI(["estimate", "--catalog", catalog, "--model", "cheap", file])
        #expect(exact.stdout.contains(": \(count) input tokens for cheap (its tokenizer o200k_base, exact)\n"))
    }

    @Test func aBalanceBelowTheDefaultMinimumSaysSoAndNamesTheOption() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let file = try AdvisorFixtures.write("Reply with yes or no: is 7 prime?", name: "prompt.txt")
        let refused = try runCLI(["check", "--catalog", catalog, "--model", "flat", "--balance", "0.05", file])
        #expect(refused.status == 3)
        #expect(refused.stdout.contains("already below the minimum balance of 0.1 (the default"))
        #expect(refused.stdout.contains("--min-balance"))
        // With the minimum given, no hint; at 0 the small balance is enough.
        let allowed = try runCLI(["check", "--catalog", catalog, "--model", "flat", "--balance", "0.05", "--min-balance", "0", file])
        #expect(allowed.status == 0)
        #expect(!allowed.stdout.contains("Hint"))
    }

    @Test func anEmptyPromptIsRefused() throws {
        let catalog = try AdvisorFixtures.freshCatalog()
        let empty = try AdvisorFixtures.write("", name: "empty.txt")
        for command in [["estimate"], ["check", "--balance", "5"]] {
            let cli = try runCLI(command + ["--catalog", catalog, empty])
            #expect(cli.status == 2)
            #expect(cli.stderr.contains("the prompt is empty"))
            #expect(cli.stdout.isEmpty)
        }
    }

    @Test func aPromptNoModelCanHoldIsReportedAndRefusedWithItsCount() throws {
        // The fixture's largest window is top's 1,000,000 tokens (gemini, estimated): 1.2 M words exceed it.
        let catalog = try AdvisorFixtures.freshCatalog()
        let file = try AdvisorFixtures.write(String(repeating: "lorem ipsum dolor ", count: 400_000), name: "long.txt")
        let estimate = try runCLI(["estimate", "--catalog", catalog, "--json", file])
        #expect(estimate.status == 0, "\(estimate.stderr)")
        let result = try parse(estimate.stdout, as: EstimateResult.self)
        #expect(result.recommendation == nil && estimate.stdout.contains(#""recommendation":null"#))
        let noFit = try #require(result.noFit)
        #expect(noFit.model == "top" && noFit.contextWindow == 1_000_000 && noFit.noModelCanHoldIt)
        #expect(noFit.reason.contains("1000000 tokens, the largest in the catalog"))
        let text = try runCLI(["estimate", "--catalog", catalog, file])
        #expect(text.stdout.contains("NOT recommended: no model can hold this prompt"))
        let check = try runCLI(["check", "--catalog", catalog, "--balance", "1000", file])
        #expect(check.status == 3)
        #expect(check.stdout.contains("REFUSED: no model can hold this prompt"))
    }
}
