#!/usr/bin/env python3
"""Generate models/catalog.json from LiteLLM's model_prices_and_context_window.json.

Usage: scripts/make-catalog.py [LITELLM_JSON] [OUT]
  defaults: ../shared/reference/litellm-model-prices.json  models/catalog.json

Prices are read with parse_float=Decimal and multiplied by 10**6 in decimal arithmetic, so
the catalog holds exactly the per-million prices LiteLLM's per-token numbers denote (0.15,
never 0.15000000000000002). Tiers are capability classes chosen by hand below (see
models/README.md); everything else is mapped field by field from the LiteLLM entry.
"""
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

VERSION = "2026-11-20"

# (LiteLLM key, catalog id, provider, tier, tokenizer)
# Tier = capability class per the credits guide (shared/seeds/langmart-credits.txt):
#   economy  - simple queries, classification, formatting (small/lite/nano models)
#   standard - conversation, content generation, code assistance (mini/flash/mid-size open models)
#   premium  - complex reasoning, code generation, analysis (flagship general models)
#   frontier - research-grade multi-step reasoning (pro / opus / top reasoning models)
MODELS = [
    # economy
    ("gpt-4o-mini", "gpt-4o-mini", "openai", "economy", "o200k_base"),
    ("gpt-5-nano", "gpt-5-nano", "openai", "economy", "o200k_base"),
    ("gpt-6-luna", "gpt-6-luna", "openai", "economy", "o200k_base"),
    ("claude-haiku-5-5", "claude-haiku-5-5", "anthropic", "economy", "claude"),
    ("gemini/gemini-2.5-flash-lite", "gemini-2.5-flash-lite", "google", "economy", "gemini"),
    ("gemini/gemini-3.1-flash-lite", "gemini-3.1-flash-lite", "google", "economy", "gemini"),
    ("mistral/ministral-3-8b-2512", "ministral-3-8b-2512", "mistral", "economy", "mistral"),
    ("mistral/mistral-small-2603", "mistral-small-2603", "mistral", "economy", "mistral"),
    ("together_ai/meta-llama/Llama-3.2-3B-Instruct", "together_ai/meta-llama/Llama-3.2-3B-Instruct", "together_ai", "economy", "llama"),
    ("groq/openai/gpt-oss-20b", "groq/openai/gpt-oss-20b", "groq", "economy", "o200k_base"),
    ("fireworks_ai/accounts/fireworks/models/llama-v3p1-8b-instruct", "fireworks_ai/llama-v3p1-8b-instruct", "fireworks_ai", "economy", "llama"),
    ("together_ai/Qwen/Qwen3.8-Flash", "together_ai/Qwen/Qwen3.8-Flash", "together_ai", "economy", "qwen"),
    # standard
    ("gpt-4.1-mini", "gpt-4.1-mini", "openai", "standard", "o200k_base"),
    ("gpt-5.4-mini", "gpt-5.4-mini", "openai", "standard", "o200k_base"),
    ("gpt-6.1-terra", "gpt-6.1-terra", "openai", "standard", "o200k_base"),
    ("claude-haiku-4-5", "claude-haiku-4-5", "anthropic", "standard", "claude"),
    ("gemini/gemini-2.5-flash", "gemini-2.5-flash", "google", "standard", "gemini"),
    ("gemini/gemini-3.8-flash", "gemini-3.8-flash", "google", "standard", "gemini"),
    ("mistral/mistral-medium-3-5", "mistral-medium-3-5", "mistral", "standard", "mistral"),
    ("mistral/codestral-2508", "codestral-2508", "mistral", "standard", "mistral"),
    ("deepseek/deepseek-v4-flash", "deepseek-v4-flash", "deepseek", "standard", "deepseek"),
    ("xai/grok-code-fast", "grok-code-fast", "xai", "standard", "grok"),
    ("fireworks_ai/accounts/fireworks/models/llama-v3p3-70b-instruct", "fireworks_ai/llama-v3p3-70b-instruct", "fireworks_ai", "standard", "llama"),
    ("groq/openai/gpt-oss-120b", "groq/openai/gpt-oss-120b", "groq", "standard", "o200k_base"),
    ("fireworks_ai/accounts/fireworks/models/qwen3-235b-a22b-instruct-2507", "fireworks_ai/qwen3-235b-a22b-instruct-2507", "fireworks_ai", "standard", "qwen"),
    ("together_ai/Qwen/Qwen3.7-Plus", "together_ai/Qwen/Qwen3.7-Plus", "together_ai", "standard", "qwen"),
    # premium
    ("gpt-4.1", "gpt-4.1", "openai", "premium", "o200k_base"),
    ("gpt-5.4", "gpt-5.4", "openai", "premium", "o200k_base"),
    ("o3", "o3", "openai", "premium", "o200k_base"),
    ("gpt-6-sol", "gpt-6-sol", "openai", "premium", "o200k_base"),
    ("claude-sonnet-4-6", "claude-sonnet-4-6", "anthropic", "premium", "claude"),
    ("claude-sonnet-5", "claude-sonnet-5", "anthropic", "premium", "claude"),
    ("gemini/gemini-2.5-pro", "gemini-2.5-pro", "google", "premium", "gemini"),
    ("gemini/gemini-3.1-pro-preview", "gemini-3.1-pro-preview", "google", "premium", "gemini"),
    ("mistral/mistral-large-4", "mistral-large-4", "mistral", "premium", "mistral"),
    ("deepseek/deepseek-v4-pro", "deepseek-v4-pro", "deepseek", "premium", "deepseek"),
    ("xai/grok-4.3", "grok-4.3", "xai", "premium", "grok"),
    ("together_ai/Qwen/Qwen3.7-Max", "together_ai/Qwen/Qwen3.7-Max", "together_ai", "premium", "qwen"),
    ("together_ai/moonshotai/Kimi-K3", "together_ai/moonshotai/Kimi-K3", "together_ai", "premium", "kimi"),
    # frontier
    ("gpt-5.5", "gpt-5.5", "openai", "frontier", "o200k_base"),
    ("gpt-5.5-pro", "gpt-5.5-pro", "openai", "frontier", "o200k_base"),
    ("gpt-5.4-pro", "gpt-5.4-pro", "openai", "frontier", "o200k_base"),
    ("o3-pro", "o3-pro", "openai", "frontier", "o200k_base"),
    ("gpt-6-astra", "gpt-6-astra", "openai", "frontier", "o200k_base"),
    ("claude-opus-4-7", "claude-opus-4-7", "anthropic", "frontier", "claude"),
    ("claude-opus-5", "claude-opus-5", "anthropic", "frontier", "claude"),
    ("claude-mythos-5", "claude-mythos-5", "anthropic", "frontier", "claude"),
    ("gemini/gemini-4-argon", "gemini-4-argon", "google", "frontier", "gemini"),
    ("xai/grok-4.7", "grok-4.7", "xai", "frontier", "grok"),
]

TIERS = [("economy", "0.001"), ("standard", "0.01"), ("premium", "0.15"), ("frontier", None)]
SERVICE_SUFFIX = {"batch": "_batches", "flex": "_flex", "priority": "_priority"}
MILLION = Decimal(10) ** 6


def per_million(value):
    """LiteLLM per-token price -> exact per-million Decimal (None stays None)."""
    if value is None:
        return None
    if not isinstance(value, (Decimal, int)):
        raise SystemExit(f"non-numeric price {value!r}")
    return (Decimal(value) * MILLION).normalize()


def long_context_threshold(entry):
    """Smallest N with input_cost_per_token_above_Nk_tokens, as a token count (N * 1000)."""
    found = []
    for key in entry:
        m = re.fullmatch(r"input_cost_per_token_above_(\d+)k_tokens", key)
        if m:
            found.append(int(m.group(1)))
    return min(found) if found else None


def prices(entry, suffix, above_k):
    """The price set for a service-tier suffix ('' = standard) and optional long-context key."""
    lc = f"_above_{above_k}k_tokens" if above_k is not None else ""
    return {
        "inputPerMillion": per_million(entry.get(f"input_cost_per_token{lc}{suffix}")),
        "outputPerMillion": per_million(entry.get(f"output_cost_per_token{lc}{suffix}")),
        "cachedInputPerMillion": per_million(entry.get(f"cache_read_input_token_cost{lc}{suffix}")),
        "cacheWritePerMillion": per_million(entry.get(f"cache_creation_input_token_cost{lc}{suffix}")),
    }


def tiered_pricing(entry):
    """LiteLLM's tiered_pricing -> Preflight's tieredPricing (ranges (above, upTo], ascending);
    tiers LiteLLM would not price by tokens (no range, no input price) are left out."""
    tiers = []
    for tier in entry.get("tiered_pricing") or []:
        rng = tier.get("range")
        if not isinstance(rng, list) or len(rng) != 2 or tier.get("input_cost_per_token") is None:
            continue
        tiers.append(strip_none({
            "above": int(rng[0]),
            "upTo": int(rng[1]),
            "inputPerMillion": per_million(tier.get("input_cost_per_token")),
            "outputPerMillion": per_million(tier.get("output_cost_per_token")),
            "cachedInputPerMillion": per_million(tier.get("cache_read_input_token_cost")),
            "cacheWritePerMillion": per_million(tier.get("cache_creation_input_token_cost")),
            "reasoningPerMillion": per_million(tier.get("output_cost_per_reasoning_token")),
        }))
    tiers.sort(key=lambda t: t["above"])
    return tiers or None


def strip_none(d):
    return {k: v for k, v in d.items() if v is not None}


def build_model(ref, key, model_id, provider, tier, tokenizer):
    entry = ref[key]
    if entry.get("mode") not in ("chat", "responses"):
        raise SystemExit(f"{key}: mode {entry.get('mode')!r} is not chat/responses")
    dep = entry.get("deprecation_date")
    if dep is not None and dep < VERSION:
        raise SystemExit(f"{key}: deprecated on {dep}, before the catalog version {VERSION}")
    base = prices(entry, "", None)
    above_k = long_context_threshold(entry)
    long_context = None
    if above_k is not None:
        lc = prices(entry, "", above_k)
        if lc["inputPerMillion"] is not None and lc["outputPerMillion"] is not None:
            long_context = {"above": above_k * 1000, **strip_none(lc)}
    service_tiers = {}
    for name, suffix in SERVICE_SUFFIX.items():
        st = prices(entry, suffix, None)
        if st["inputPerMillion"] is None or st["outputPerMillion"] is None:
            continue
        tier_prices = strip_none(st)
        if above_k is not None:
            stlc = prices(entry, suffix, above_k)
            if stlc["inputPerMillion"] is not None and stlc["outputPerMillion"] is not None:
                tier_prices["longContext"] = {"above": above_k * 1000, **strip_none(stlc)}
        service_tiers[name] = tier_prices
    tiered = tiered_pricing(entry)
    if tiered and (base["inputPerMillion"] is None or base["outputPerMillion"] is None):
        base["inputPerMillion"] = base["inputPerMillion"] or tiered[0]["inputPerMillion"]
        base["outputPerMillion"] = base["outputPerMillion"] or tiered[0].get("outputPerMillion")
    if base["inputPerMillion"] is None or base["outputPerMillion"] is None:
        raise SystemExit(f"{key}: missing input or output price")
    context = entry.get("max_input_tokens") or entry.get("max_tokens")
    return {
        "id": model_id,
        "provider": provider,
        "tier": tier,
        "tokenizer": tokenizer,
        "contextWindow": context,
        "maxOutputTokens": entry.get("max_output_tokens"),
        "inputPerMillion": base["inputPerMillion"],
        "outputPerMillion": base["outputPerMillion"],
        "cachedInputPerMillion": base["cachedInputPerMillion"],
        "cacheWritePerMillion": base["cacheWritePerMillion"],
        "reasoningPerMillion": per_million(entry.get("output_cost_per_reasoning_token")),
        "reasoning": bool(entry.get("supports_reasoning", False)),
        "longContext": long_context,
        "serviceTiers": service_tiers or None,
        "deprecationDate": dep,
        "litellmKey": key,
        # Only where LiteLLM has it, so flat-priced entries read as before.
        **({"tieredPricing": tiered} if tiered else {}),
    }


def encode(value, indent=0):
    """JSON with Decimals written as plain decimal literals (no exponent, no float noise)."""
    pad = "  " * indent
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        if not value:
            return "{}"
        flat = all(not isinstance(v, (dict, list)) for v in value.values())
        if flat and indent >= 2:
            return "{" + ", ".join(f"{json.dumps(k)}: {encode(v)}" for k, v in value.items()) + "}"
        inner = ",\n".join(f"{pad}  {json.dumps(k)}: {encode(v, indent + 1)}" for k, v in value.items())
        return "{\n" + inner + "\n" + pad + "}"
    if isinstance(value, list):
        inner = ",\n".join(f"{pad}  {encode(v, indent + 1)}" for v in value)
        return "[\n" + inner + "\n" + pad + "]"
    raise TypeError(type(value))


def main():
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/litellm-model-prices.json")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "models/catalog.json")
    ref = json.loads(src.read_text(encoding="utf-8"), parse_float=Decimal)
    ids = [m[1] for m in MODELS]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate model id in MODELS")
    catalog = {
        "version": VERSION,
        "currency": "USD",
        "source": "LiteLLM 1.109.1 model_prices_and_context_window.json via scripts/make-catalog.py; tiers set by hand",
        "tiers": [strip_none({"name": n, "maxPer1K": (Decimal(m) if m else None)}) for n, m in TIERS],
        "models": [build_model(ref, *m) for m in MODELS],
    }
    out.write_text(encode(catalog) + "\n", encoding="utf-8")
    counts = {}
    for m in MODELS:
        counts[m[3]] = counts.get(m[3], 0) + 1
    print(f"wrote {out}: {len(MODELS)} models {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
