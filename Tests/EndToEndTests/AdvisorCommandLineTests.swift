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
        #expect(!text.stdout.contains("days old"), "\(text.stdout)")
        #expect(text.stdout.contains("days in the future — check its version"), "\(text.stdout)")
        #expect(text.stderr.contains("the model catalog is dated 2099-01-01"))
    }
}
