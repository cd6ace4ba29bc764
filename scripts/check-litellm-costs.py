#!/usr/bin/env python3
"""Hold Preflight's prices against LiteLLM's own cost calculation (issue 11; docs/COSTS.md).

Usage: scripts/check-litellm-costs.py [--preflight BIN] [--file LITELLM_JSON] [--venv DIR]
                                      [--all] [--limit N] [--details FILE]

Run by hand, never from `make test`: it installs litellm==1.109.1 from PyPI into a throwaway
virtualenv (default /tmp/preflight-litellm-1.109.1; not a dependency of the project) and runs
LiteLLM with LITELLM_LOCAL_MODEL_COST_MAP=True, so it reads no price map from the network. It
skips, saying so, when ../shared/reference/litellm-model-prices.json is not beside the checkout.

How it works:
- Preflight is driven through its product surface: one `preflight serve --catalog FILE`
  process, LiteLLM's price file loaded as-is, answering `preflight/estimate` requests for
  `model: KEY` over newline-delimited JSON-RPC.
- For each sampled model and scenario the script sends a real prompt, reads the token counts
  Preflight reports (`tokens.input`, the cached and cache-write tokens it was given,
  `cost.outputTokens`, `cost.reasoningTokens`) and gives exactly those counts to LiteLLM's
  `cost_per_token` (a `Usage` with `prompt_tokens_details.cached_tokens` /
  `cache_creation_tokens` and `completion_tokens_details.reasoning_tokens`; `service_tier` for
  flex and priority, `call_type="retrieve_batch"` for batch, LiteLLM's batch route).
  `cost.credits` must equal LiteLLM's prompt + completion cost rounded to 9 places, within one
  nano-credit (LiteLLM computes in binary floating point).
- The sample (deterministic; `--all` takes every model instead): every model Preflight loads
  from the file that has batch/flex/priority prices; for every provider, its first six models
  (in key order) with a long-context threshold, its first six with tiered pricing, and its
  first three others.
- Scenarios (docs/COSTS.md): plain (a prompt of ~1K tokens, 200 output tokens); cached read
  (half the input); cache write (a quarter); reasoning (reasoning models only: 300 output
  tokens of which 120 reasoning); above the long-context threshold (plain, and with half the
  input cached and a quarter written); the first tokens of each higher band of a tiered model
  (plain, cached read); each service tier the model has (plain, cached read, cache write), and
  each service tier above the threshold (plain).
- Every disagreement is explained, or reported as unexplained: an explanation re-runs LiteLLM
  with the one stated difference removed (e.g. the rule's cache price written into a copy of
  the entry) and must then reproduce Preflight's figure exactly.

Prices are pinned at 2026-11-20 12:00 UTC (LiteLLM's off-peak windows read the clock).
"""
import argparse
import copy
import json
import math
import os
import subprocess
import sys
import venv
from collections import Counter, defaultdict
from datetime import datetime, timezone
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

LITELLM_VERSION = "1.109.1"
REPO = Path(__file__).resolve().parent.parent
DEFAULT_FILE = REPO.parent / "shared" / "reference" / "litellm-model-prices.json"
DEFAULT_VENV = Path("/tmp/preflight-litellm-1.109.1")
NANO = Decimal("0.000000001")
TIER_SUFFIX = {"batch": "_batches", "flex": "_flex", "priority": "_priority"}
PINNED_TIME = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)

# A deterministic text of varied English words (repeating a word would let BPE merge runs).
WORDS = ("the report found that most of the river valley towns had grown since the survey was "
         "taken and several new roads now link the markets with farms further north while older "
         "bridges need repair before winter storms arrive each year according to local officials "
         "who also asked for more teachers doctors and buses in the smaller villages").split()


def prompt_of(words):
    out = []
    for i in range(words):
        out.append(WORDS[(i * 7 + i // len(WORDS)) % len(WORDS)])
        if i % 17 == 16:
            out.append(str(i))
    return " ".join(out) + "\n"


# ---------------------------------------------------------------- outer: the virtualenv


def ensure_venv(directory):
    python = directory / "bin" / "python"
    probe = [str(python), "-c", "import importlib.metadata as m; print(m.version('litellm'))"]
    if python.exists():
        done = subprocess.run(probe, capture_output=True, text=True)
        if done.returncode == 0 and done.stdout.strip() == LITELLM_VERSION:
            return python
    print(f"installing litellm=={LITELLM_VERSION} into {directory} (throwaway virtualenv)", file=sys.stderr)
    venv.create(directory, with_pip=True, clear=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", f"litellm=={LITELLM_VERSION}"], check=True)
    return python


# ---------------------------------------------------------------- worker: Preflight's side


class Preflight:
    """One `preflight serve` process answering newline-delimited JSON-RPC."""

    def __init__(self, binary, catalog):
        self.process = subprocess.Popen([binary, "serve", "--catalog", catalog, "--log-level", "error"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, bufsize=1 << 20)
        self.next_id = 0
        self.call("initialize", {"capabilities": {}})

    def call(self, method, params):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params}
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("preflight serve exited")
            reply = json.loads(line, parse_float=Decimal)
            if reply.get("id") == self.next_id:
                return reply

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


# ---------------------------------------------------------------- worker: LiteLLM's side


class LiteLLM:
    def __init__(self, data):
        import litellm
        from litellm._internal_context import pinned_billing_time
        from litellm.litellm_core_utils.llm_cost_calc import utils as cost_utils
        from litellm.types.utils import CompletionTokensDetailsWrapper, PromptTokensDetailsWrapper, Usage
        self.litellm = litellm
        self.pinned = pinned_billing_time
        self.generic = cost_utils.generic_cost_per_token
        self.usage_types = (Usage, PromptTokensDetailsWrapper, CompletionTokensDetailsWrapper)
        # LiteLLM drops the file's non-model members (fallback_generalizations) when it loads it.
        differing = [k for k, v in data.items()
                     if isinstance(v, dict) and "litellm_provider" in v and litellm.model_cost.get(k) != v]
        if differing:
            print(f"note: {len(differing)} entries differ from LiteLLM's bundled map; LiteLLM is given the file's",
                  file=sys.stderr)
            for k in differing:
                litellm.model_cost[k] = copy.deepcopy(data[k])
            self.invalidate()

    def invalidate(self):
        self.litellm.utils._invalidate_model_cost_lowercase_map()

    def usage(self, case):
        Usage, Prompt, Completion = self.usage_types
        return Usage(prompt_tokens=case["input"], completion_tokens=case["output"],
                     total_tokens=case["input"] + case["output"],
                     prompt_tokens_details=Prompt(cached_tokens=case["cached"], cache_creation_tokens=case["write"]),
                     completion_tokens_details=Completion(reasoning_tokens=case["reasoning"]))

    def resolved_key(self, key, provider):
        """The entry LiteLLM prices `key` from: `provider/key` when that entry exists (its
        `cost_per_token` tries it first), else `key` itself."""
        prefixed = f"{provider}/{key}"
        if not key.startswith(f"{provider}/") and prefixed in self.litellm.model_cost:
            return prefixed
        return key

    def cost(self, key, provider, case, entry=None, generic=False):
        """LiteLLM's credits for `case`, optionally with `entry` standing in for the entry
        LiteLLM prices `key` from."""
        key_priced = self.resolved_key(key, provider)
        original = self.litellm.model_cost.get(key_priced)
        if entry is not None:
            self.litellm.model_cost[key_priced] = entry
            self.invalidate()
        try:
            with self.pinned(PINNED_TIME):
                tier = case["tier"]
                if generic:
                    prompt, completion = self.generic(model=key, usage=self.usage(case), custom_llm_provider=provider,
                                                      service_tier=None if tier in ("standard", "batch") else tier)
                else:
                    kwargs = {"call_type": "retrieve_batch"} if tier == "batch" else (
                        {"service_tier": tier} if tier != "standard" else {})
                    prompt, completion = self.litellm.cost_per_token(model=key, custom_llm_provider=provider,
                                                                     usage_object=self.usage(case), **kwargs)
            return Decimal(repr(prompt + completion))
        finally:
            if entry is not None:
                self.litellm.model_cost[key_priced] = original
                self.invalidate()


def rounded(value):
    return value.quantize(NANO, rounding=ROUND_HALF_EVEN)


def agrees(preflight, litellm):
    return abs(preflight - rounded(litellm)) <= NANO


# ---------------------------------------------------------------- sample and scenarios


def threshold_of(entry):
    found = []
    for key in entry:
        if key.startswith("input_cost_per_token_above_") and key.endswith("k_tokens"):
            middle = key[len("input_cost_per_token_above_"):-len("k_tokens")]
            if middle.isdigit():
                found.append(int(middle))
    return min(found) if found else None


def choose_sample(models, data, take_all):
    """Every model with batch/flex/priority prices (small prompts, cheap to check); for every
    provider, its first six models (in key order) with a long-context threshold and its first
    six with tiered pricing (prompts of 32K–1M tokens, slow to count), and its first three
    others."""
    keys = sorted(models)
    if take_all:
        return keys
    chosen = {key for key in keys if models[key].get("serviceTiers")}
    long_context, tiered, other = defaultdict(list), defaultdict(list), defaultdict(list)
    for key in keys:
        entry, provider = data[key], models[key]["provider"]
        if entry.get("tiered_pricing"):
            tiered[provider].append(key)
        elif threshold_of(entry) is not None:
            long_context[provider].append(key)
        elif key not in chosen:
            other[provider].append(key)
    for groups, count in ((long_context, 6), (tiered, 6), (other, 3)):
        for provider in sorted(groups):
            chosen.update(groups[provider][:count])
    return sorted(chosen)


def estimate(preflight, key, provider, words, output, reasoning, cached=0, write=0, tier="standard"):
    # `constraints.providers` keeps the other tiers' quotes to the model's provider: the priced
    # model's cost is the same, the request is far cheaper than quoting all 3,164 models.
    params = {"prompt": prompt_of(words), "model": key, "expectedOutputTokens": output,
              "reasoningTokens": reasoning, "cachedInputTokens": cached, "cacheWriteTokens": write,
              "constraints": {"providers": [provider]}}
    if tier != "standard":
        params["serviceTier"] = tier
    return preflight.call("preflight/estimate", params)


def cases_for(preflight, key, model, entry, log):
    """Yield (scenario, request, reply) for every scenario that applies to `model`."""
    # An entry without a window in LiteLLM's file loads with it unknown (null): no fit check,
    # so every scenario can run.
    context = model["contextWindow"] if model["contextWindow"] is not None else float("inf")
    tiers = sorted((model.get("serviceTiers") or {}).keys())

    counts = {}  # words -> Preflight's input count for that prompt (the same prompt counts the same)

    def run(scenario, words, output=200, reasoning=0, cached_share=0, write_share=0, tier="standard", above=None):
        first = None
        if words not in counts or not (cached_share or write_share):
            first = estimate(preflight, key, model["provider"], words, output, reasoning, tier=tier)
            if "error" in first:
                log.append((key, scenario, first["error"]["message"]))
                return None
            counts[words] = first["result"]["tokens"]["input"]
        n = counts[words]
        if above is not None and n <= above:
            log.append((key, scenario, f"prompt of {n} tokens is not above {above}"))
            return None
        cached, write = int(n * cached_share), int(n * write_share)
        reply = first if first is not None else estimate(preflight, key, model["provider"], words, output, reasoning,
                                                                   cached, write, tier)
        if "error" in reply:
            log.append((key, scenario, reply["error"]["message"]))
            return None
        result = reply["result"]
        case = {"input": result["tokens"]["input"], "cached": cached, "write": write,
                "output": result["cost"]["outputTokens"], "reasoning": result["cost"]["reasoningTokens"],
                "tier": tier}
        if result["cost"]["serviceTier"] != tier:
            log.append((key, scenario, f"priced at {result['cost']['serviceTier']}, not {tier}"))
            return None
        return scenario, case, result

    base_words = 700
    ratio = None

    def words_above(limit):
        # Words for a prompt just above `limit` tokens in this model's tokenizer.
        return math.ceil((limit * 1.02 + 64) / ratio)

    plain = run("plain", base_words)
    if plain is None:
        return
    ratio = plain[2]["tokens"]["input"] / base_words
    yield plain
    for result in (run("cached read", base_words, cached_share=0.5), run("cache write", base_words, write_share=0.25)):
        if result:
            yield result
    if model.get("reasoning"):
        result = run("reasoning", base_words, output=300, reasoning=120)
        if result:
            yield result
    threshold = threshold_of(entry)
    long_words = None
    if threshold is not None and threshold * 1000 * 1.03 + 300 < context:
        long_words = words_above(threshold * 1000)
        for scenario, cached, write in (("long context", 0, 0), ("long context, cached read and write", 0.5, 0.25)):
            result = run(scenario, long_words, cached_share=cached, write_share=write, above=threshold * 1000)
            if result:
                yield result
    elif threshold is not None:
        log.append((key, "long context", f"threshold {threshold}k too close to the context window {context}"))
    bands = sorted((t for t in entry.get("tiered_pricing") or [] if isinstance(t.get("range"), list)),
                   key=lambda t: t["range"][0])
    for index, band in enumerate(bands[1:], start=2):
        start = int(band["range"][0])
        if start * 1.03 + 300 >= context:
            continue
        for scenario, cached in ((f"tiered band {index}", 0), (f"tiered band {index}, cached read", 0.5)):
            result = run(scenario, words_above(start), cached_share=cached, above=start)
            if result:
                yield result
    for tier in tiers:
        for scenario, cached, write in ((tier, 0, 0), (f"{tier}, cached read", 0.5, 0), (f"{tier}, cache write", 0, 0.25)):
            result = run(scenario, base_words, cached_share=cached, write_share=write, tier=tier)
            if result:
                yield result
        if long_words is not None:
            result = run(f"{tier}, long context", long_words, tier=tier, above=threshold * 1000)
            if result:
                yield result


# ---------------------------------------------------------------- explanations


def number(entry, key):
    value = entry.get(key)
    return None if value is None else Decimal(repr(value))


def with_rule_cache_prices(entry, case, threshold):
    """A copy of `entry` carrying the cache prices docs/COSTS.md's two rules derive (service
    tier: standard cache price × tier input ÷ standard input; above a threshold: the cache
    price below it × long-context input ÷ input), where the file has none of its own."""
    patched = dict(entry)
    suffix = TIER_SUFFIX.get(case["tier"], "")
    changed = False
    for cache_key in ("cache_read_input_token_cost", "cache_creation_input_token_cost"):
        standard, standard_input = number(entry, cache_key), number(entry, "input_cost_per_token")
        tier_input = number(entry, f"input_cost_per_token{suffix}")
        below = number(entry, f"{cache_key}{suffix}")
        if suffix and below is None and standard is not None and standard_input and tier_input is not None:
            below = standard * tier_input / standard_input
            patched[f"{cache_key}{suffix}"] = float(below)
            changed = True
        if case.get("long") and threshold is not None:
            long_key = f"{cache_key}_above_{threshold}k_tokens{suffix}"
            long_input = number(entry, f"input_cost_per_token_above_{threshold}k_tokens{suffix}")
            base_input = tier_input if suffix else standard_input
            if entry.get(long_key) is None and long_input is not None:
                patched[long_key] = float(long_input if below is None or not base_input else below * long_input / base_input)
                changed = True
    return patched if changed else None


PREFIXES = ("input_cost_per_token", "output_cost_per_token", "cache_read_input_token_cost",
            "cache_creation_input_token_cost")


def with_preflight_long_context_prices(entry, case, threshold):
    """A copy of `entry` whose long-context prices for the case's service tier are the ones
    docs/COSTS.md's rules give: the tier's own long-context prices, else the standard ones; a
    missing long-context cache price scaled from the one below the threshold; and no kind of
    token cheaper than below the threshold. Returns (copy, the rules that changed a price)."""
    suffix = TIER_SUFFIX.get(case["tier"], "")
    above = f"_above_{threshold}k_tokens"

    def below(prefix):  # the price under the threshold in this tier, as Preflight resolves it
        value = number(entry, f"{prefix}{suffix}") if suffix else number(entry, prefix)
        if value is None and suffix and prefix in PREFIXES[2:]:
            standard, standard_input = number(entry, prefix), number(entry, "input_cost_per_token")
            tier_input = number(entry, f"input_cost_per_token{suffix}")
            if standard is not None and standard_input:
                value = standard * tier_input / standard_input
        if value is None and prefix in PREFIXES[2:]:
            value = below("input_cost_per_token")
        return value if value is not None else number(entry, prefix)

    own = suffix and number(entry, f"input_cost_per_token{above}{suffix}") is not None
    block = suffix if own else ""
    block_input = number(entry, f"input_cost_per_token{block}") if block else number(entry, "input_cost_per_token")
    long_input = number(entry, f"input_cost_per_token{above}{block}")
    patched, rules = dict(entry), set()
    tokens = {"input_cost_per_token": case["input"] - case["cached"] - case["write"],
              "output_cost_per_token": case["output"], "cache_read_input_token_cost": case["cached"],
              "cache_creation_input_token_cost": case["write"]}
    for prefix in PREFIXES:
        if not tokens[prefix]:
            continue
        long_value = number(entry, f"{prefix}{above}{block}")
        if long_value is None and prefix == "output_cost_per_token":
            long_value = number(entry, f"output_cost_per_token{block}") if block else number(entry, prefix)
        if long_value is None and prefix in PREFIXES[2:]:
            base = number(entry, f"{prefix}{block}") if block else number(entry, prefix)
            if base is None and block:
                base = below(prefix) if own else None
            long_value = base * long_input / block_input if base is not None and block_input else long_input
            if base is not None:
                rules.add("rule: long-context cache price scaled")
        short = below(prefix)
        if short is not None and short > long_value:
            long_value = short
            rules.add("rule: above a long-context threshold no kind of token costs less than below it")
        key = f"{prefix}{above}{suffix}"
        if number(entry, key) != long_value:
            patched[key] = float(long_value)
            if suffix and not own:
                rules.add("rule: a service tier without long-context prices of its own takes the standard ones")
    return patched, rules


def explain(litellm, key, provider, entry, case, credits):
    """The first stated difference whose removal makes LiteLLM reproduce Preflight's figure."""
    threshold = threshold_of(entry)
    candidates = []
    priced_from = litellm.resolved_key(key, provider)
    if priced_from != key and litellm.litellm.model_cost.get(priced_from) != entry:
        candidates.append((f"LiteLLM prices the key from its provider-prefixed entry ({provider}/…), "
                           "whose prices differ", entry, False))
    if case.get("long") and threshold is not None:
        patched, rules = with_preflight_long_context_prices(entry, case, threshold)
        candidates.append(("; ".join(sorted(rules)) or "long-context prices", patched, False))
    if (case["cached"] or case["write"]) and not case.get("long"):
        patched = with_rule_cache_prices(entry, case, threshold)
        if patched is not None:
            candidates.append(("rule: service-tier cache price scaled", patched, False))
    if provider == "fireworks_ai":
        if case["tier"] in ("flex", "priority"):
            candidates.append(("LiteLLM's Fireworks route ignores service_tier", None, True))
        if case["cached"] and entry.get("cache_read_input_token_cost") is None:
            patched = dict(entry, cache_read_input_token_cost=entry["input_cost_per_token"])
            candidates.append(("LiteLLM's Fireworks route assumes a cached-read price of half the input price", patched, False))
    if provider == "perplexity" and (case["cached"] or case["write"] or case.get("long")):
        # LiteLLM's Perplexity route (llms/perplexity/cost_calculator.py) bills every prompt token
        # at the entry's input price: cache-read and long-context prices are never read.
        label = "LiteLLM's Perplexity route ignores cached-read and long-context prices"
        candidates.append((label, None, True))
        if case.get("long") and threshold is not None:
            patched, rules = with_preflight_long_context_prices(entry, case, threshold)
            candidates.append(("; ".join([label] + sorted(rules)), patched, True))
    if entry.get("off_peak_pricing") is not None:
        candidates.append(("off-peak prices (LiteLLM's off_peak_pricing)",
                           {k: v for k, v in entry.items() if k != "off_peak_pricing"}, False))
    for label, patched, generic in candidates:
        try:
            if agrees(credits, litellm.cost(key, provider, case, entry=patched, generic=generic)):
                return label
        except Exception:  # noqa: BLE001 - an explanation that cannot run explains nothing
            continue
    return None


# ---------------------------------------------------------------- main


def worker(args):
    import importlib.metadata
    version = importlib.metadata.version("litellm")
    if version != LITELLM_VERSION:
        raise SystemExit(f"litellm {version} in this interpreter, expected {LITELLM_VERSION}")
    raw = Path(args.file).read_text(encoding="utf-8")
    data = json.loads(raw)
    litellm = LiteLLM(data)
    preflight = Preflight(args.preflight, args.file)
    # preflight/models pages (100 by default, at most 5,000 per page): read every page.
    models, offset = {}, 0
    while True:
        listing = preflight.call("preflight/models", {"limit": 5000, "offset": offset})
        if "error" in listing:
            raise SystemExit(f"preflight/models: {listing['error']}")
        page = listing["result"]["models"]
        models.update({m["id"]: m for m in page})
        offset += len(page)
        if not page or offset >= listing["result"]["total"]:
            break
    chat = [k for k, v in data.items() if isinstance(v, dict) and k != "sample_spec"
            and v.get("mode") in ("chat", "responses")]
    sample = choose_sample(models, data, args.all)
    if args.models:
        sample = [key for key in args.models.split(",") if key in models]
    if args.limit:
        sample = sample[:args.limit]
    print(f"LiteLLM {version}: {len(chat)} chat/responses entries, {len(models)} loaded by Preflight, "
          f"{len(sample)} sampled from {len({models[k]['provider'] for k in sample})} providers", flush=True)

    totals, agreed, explained, unexplained, errors, log = Counter(), Counter(), Counter(), [], Counter(), []
    details = []
    for done, key in enumerate(sample, start=1):
        entry, provider = data[key], data[key].get("litellm_provider")
        for scenario, case, result in cases_for(preflight, key, models[key], entry, log):
            case["long"] = bool(result["cost"]["longContext"])
            credits = result["cost"]["credits"]
            credits = credits if isinstance(credits, Decimal) else Decimal(credits)
            group = scenario.split(",")[0] if not scenario.startswith("tiered") else "tiered band"
            group = f"{group}{', cached/write' if (case['cached'] or case['write']) and group not in ('cached read', 'cache write') else ''}"
            totals[group] += 1
            try:
                theirs = litellm.cost(key, provider, case)
            except Exception as error:  # noqa: BLE001 - LiteLLM refusing a model is a finding
                errors[f"{type(error).__name__}"] += 1
                details.append({"model": key, "scenario": scenario, "case": case, "preflight": str(credits),
                                "litellm": None, "why": f"LiteLLM raised {type(error).__name__}: {str(error)[:200]}"})
                unexplained.append((key, scenario, str(credits), f"LiteLLM raised {type(error).__name__}"))
                continue
            if agrees(credits, theirs):
                agreed[group] += 1
                continue
            why = explain(litellm, key, provider, entry, case, credits)
            details.append({"model": key, "scenario": scenario, "case": case, "preflight": str(credits),
                            "litellm": str(theirs), "why": why})
            if why:
                explained[why] += 1
            else:
                unexplained.append((key, scenario, str(credits), str(theirs)))
        if done % 50 == 0:
            print(f"  {done}/{len(sample)} models", file=sys.stderr, flush=True)
    preflight.close()

    total = sum(totals.values())
    print(f"\n{sum(agreed.values())} of {total} cases agree exactly (to the nano-credit); "
          f"{sum(explained.values())} differ for a stated reason; {len(unexplained)} unexplained")
    print("\nscenario                         cases  agree")
    for group in sorted(totals):
        print(f"{group:<32} {totals[group]:>5}  {agreed[group]:>5}")
    if explained:
        print("\nstated differences:")
        for why, count in explained.most_common():
            print(f"  {count:>5}  {why}")
    if unexplained:
        print("\nunexplained:")
        for key, scenario, ours, theirs in unexplained[:40]:
            print(f"  {key} [{scenario}]: Preflight {ours}, LiteLLM {theirs}")
    if log:
        reasons = Counter(message.split(":")[0][:90] for _, _, message in log)
        print(f"\n{len(log)} scenario(s) not run:")
        for reason, count in reasons.most_common(10):
            print(f"  {count:>5}  {reason}")
    if args.details:
        Path(args.details).write_text(json.dumps({"details": details, "notRun": log}, indent=1, default=str))
    return 1 if unexplained else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--preflight", help="the preflight binary (default: .build/release, else .build/debug)")
    parser.add_argument("--file", default=str(DEFAULT_FILE), help="LiteLLM's price file")
    parser.add_argument("--venv", default=str(DEFAULT_VENV), help="throwaway virtualenv for litellm")
    parser.add_argument("--all", action="store_true", help="every model Preflight loads, not the sample")
    parser.add_argument("--limit", type=int, default=0, help="only the first N sampled models (a quick look)")
    parser.add_argument("--details", help="write every disagreement as JSON to this file")
    parser.add_argument("--models", help="only these models (comma-separated keys)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not Path(args.file).exists():
        print(f"skipped: {args.file} is not there (../shared is not beside the checkout)")
        return 0
    if args.preflight is None:
        for build in ("release", "debug"):
            candidate = REPO / ".build" / build / "preflight"
            if candidate.exists():
                args.preflight = str(candidate)
                break
        else:
            raise SystemExit("no .build/{release,debug}/preflight: build first (swift build)")
    if args.worker:
        return worker(args)
    python = ensure_venv(Path(args.venv))
    env = dict(os.environ, LITELLM_LOCAL_MODEL_COST_MAP="True")
    forwarded = [a for a in sys.argv[1:]]
    if "--preflight" not in forwarded:
        forwarded += ["--preflight", args.preflight]
    return subprocess.run([str(python), __file__, "--worker", *forwarded], env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
