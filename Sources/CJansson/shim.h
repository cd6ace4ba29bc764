// Thin C shim over Jansson for Swift.
//
// Jansson exposes several of its API points as macros or as `static inline` functions that
// touch the struct layout (json_incref/json_decref, JSON_REAL_PRECISION, json_typeof). Swift
// cannot call macros, so this header re-exports them as small static inline functions.
#ifndef PREFLIGHT_CJANSSON_SHIM_H
#define PREFLIGHT_CJANSSON_SHIM_H

#include <jansson.h>
#include <signal.h>
#include <stddef.h>

/// Increments the reference count; returns the same value.
static inline json_t *pf_json_incref(json_t *json) { return json_incref(json); }

/// Decrements the reference count and frees the value when it reaches zero.
static inline void pf_json_decref(json_t *json) { json_decref(json); }

/// The value's type tag.
static inline int pf_json_typeof(const json_t *json) { return (int)json_typeof(json); }

/// Flags for compact output with reals written at 15 significant digits, so 0.3 prints as 0.3.
static inline size_t pf_json_dump_flags_compact(void) {
    return JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15);
}

/// Flags for parsing any JSON value with embedded NUL characters allowed.
static inline size_t pf_json_load_flags(void) { return JSON_DECODE_ANY | JSON_ALLOW_NUL; }

/// The error message Jansson wrote into `error` (a NUL-terminated C string inside the struct).
static inline const char *pf_json_error_text(const json_error_t *error) { return error->text; }

/// The same, refusing an object that names a member twice (a file edited by hand: which of
/// two prices was meant cannot be known, and Jansson would silently keep the last).
static inline size_t pf_json_load_flags_rejecting_duplicates(void) {
    return JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES;
}

/// Whether Jansson refused a text because a number does not fit (an integer beyond 64 bits, a
/// real beyond a double), rather than because the text is not JSON.
static inline int pf_json_error_is_numeric_overflow(const json_error_t *error) {
    return json_error_code(error) == json_error_numeric_overflow;
}

/// Whether Jansson refused a text because an object names a member twice.
static inline int pf_json_error_is_duplicate_key(const json_error_t *error) {
    return json_error_code(error) == json_error_duplicate_key;
}

/// Ignore SIGPIPE process-wide: a client that goes away must not kill the server mid-write.
static inline void pf_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

#endif
