// The external term format (Erlang's ETF, erts/doc "External Term Format"): the encoder
// (encode.c) writes every Ember term byte for byte as OTP 25's term_to_binary does, the decoder
// (decode.c) reads everything OTP 25 writes. Decoding never trusts its input: a first pass
// checks every length against the bytes that remain and measures the term, only then a second
// pass builds it on the process heap; neither recurses in C. zlib.c holds the compression.
#ifndef EMBER_VM_ETF_H
#define EMBER_VM_ETF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "atom.h"
#include "term.h"
#include "types.h"

// The tags of the format (the first byte of every encoded term).
enum {
    ETF_VERSION = 131,             // first byte of every encoding
    ETF_COMPRESSED = 80,           // 4-byte uncompressed size, then a zlib stream
    ETF_NEW_FLOAT = 70,            // 8-byte IEEE double, big-endian
    ETF_BIT_BINARY = 77,           // 4-byte length, bits used in the last byte, bytes
    ETF_NEW_PID = 88,              // node atom, id, serial, 4-byte creation
    ETF_NEW_PORT = 89,
    ETF_NEWER_REFERENCE = 90,      // 2-byte word count, node atom, 4-byte creation, words
    ETF_SMALL_INTEGER = 97,        // one unsigned byte
    ETF_INTEGER = 98,              // 4-byte signed, big-endian
    ETF_FLOAT = 99,                // 31 bytes of "%.20e" text (minor_version 0)
    ETF_ATOM = 100,                // 2-byte length, Latin-1 text
    ETF_REFERENCE = 101,
    ETF_PORT = 102,
    ETF_PID = 103,                 // node atom, id, serial, 1-byte creation
    ETF_SMALL_TUPLE = 104,         // 1-byte arity, elements
    ETF_LARGE_TUPLE = 105,         // 4-byte arity, elements
    ETF_NIL = 106,
    ETF_STRING = 107,              // 2-byte length, bytes: a list of small integers 0..255
    ETF_LIST = 108,                // 4-byte length, elements, tail
    ETF_BINARY = 109,              // 4-byte length, bytes
    ETF_SMALL_BIG = 110,           // 1-byte digit count, sign, little-endian digits
    ETF_LARGE_BIG = 111,           // 4-byte digit count, sign, little-endian digits
    ETF_NEW_FUN = 112,             // a local fun (Ember's own payload: see README.md)
    ETF_EXPORT = 113,              // module atom, function atom, arity small integer
    ETF_NEW_REFERENCE = 114,       // 2-byte word count, node atom, 1-byte creation, words
    ETF_SMALL_ATOM = 115,          // 1-byte length, Latin-1 text
    ETF_MAP = 116,                 // 4-byte pair count, key, value, key, value ...
    ETF_ATOM_UTF8 = 118,           // 2-byte length, UTF-8 text
    ETF_SMALL_ATOM_UTF8 = 119,     // 1-byte length, UTF-8 text
    ETF_V4_PORT = 120,
};

// OTP 25's default minor_version: atoms as Latin-1 ATOM_EXT where they can be.
#define ETF_MINOR_DEFAULT 1
// Atoms have at most this many characters (Erlang's limit).
#define ETF_ATOM_MAX_CHARS 255
// The node every local pid and reference names, and its creation.
#define ETF_LOCAL_NODE "nonode@nohost"

// ==== Encoding (encode.c) ====

// The encoding of [t] (starting with ETF_VERSION) with atoms and floats as [minor_version]
// (0, 1 or 2) writes them, in a new em_malloc'd buffer *[out] of *[size] bytes (caller frees);
// atom names come from [atoms]. Never fails: every Ember term has an encoding. Reads [t] only;
// no C recursion. Returns the number of steps taken, for the caller to charge reductions.
size_t etf_encode(const AtomTable *atoms, Term t, unsigned minor_version, uint8_t **out,
                  size_t *size);
// The byte count of [t]'s encoding in *[size], without writing anything. Same walk and return.
size_t etf_encoded_size(const AtomTable *atoms, Term t, unsigned minor_version, size_t *size);
// Writes [t]'s encoding into [out], whose [size] must be what etf_encoded_size counted for the
// same [t] and [minor_version] (a mismatch is an internal bug: it aborts). Same return.
size_t etf_encode_into(const AtomTable *atoms, Term t, unsigned minor_version, uint8_t *out,
                       size_t size);
// The 16-byte Uniq field of a fun of [fn]: a hash of its code, checked when decoding.
void etf_fun_uniq(const Function *fn, uint8_t uniq[16]);

// ==== Compression (zlib.c) ====

// OTP's `compressed` form of encoding [enc] ([size] bytes, starting with ETF_VERSION) at zlib
// [level] 1..9: ETF_VERSION, ETF_COMPRESSED, the 4-byte size of enc after its first byte, the
// zlib stream. False when the stream is not shorter than the input (OTP then keeps [enc]);
// otherwise *[out] is a new em_malloc'd buffer of *[out_size] bytes (caller frees).
bool etf_compress(const uint8_t *enc, size_t size, int level, uint8_t **out, size_t *out_size);
// Inflates the zlib stream [z] ([z_size] bytes) that must produce exactly [declared] bytes, into
// a new em_malloc'd buffer *[out] (caller frees). The buffer grows with the output actually
// produced, never past [declared], so a forged size allocates nothing extra; *[z_used] receives
// the stream's length in [z]. False (nothing allocated) on any error or size mismatch.
bool etf_inflate(const uint8_t *z, size_t z_size, size_t declared, uint8_t **out,
                 size_t *z_used);

// ==== Decoding (decode.c) ====

typedef enum EtfDecodeStatus {
    ETF_DECODE_OK,
    ETF_DECODE_INVALID, // not a valid encoding (or one Ember cannot represent)
    ETF_DECODE_UNSAFE,  // [is_safe] and the term names an atom that does not exist yet
} EtfDecodeStatus;

// Decodes the encoding at [data] ([size] bytes, starting with ETF_VERSION, possibly compressed)
// into *[out] on [p]'s heap, with the bytes it used in *[used] (trailing bytes are ignored, as
// OTP does). With [is_safe] no atom is created. *[work] receives a measure of the work done
// for reductions. Never crashes, never recurses in C, allocates at most in proportion to
// [size] (times zlib's inflation bound for compressed input). Only [p]'s owner may call it.
EtfDecodeStatus etf_decode(Process *p, const uint8_t *data, size_t size, bool is_safe, Term *out,
                           size_t *used, size_t *work);

#endif
