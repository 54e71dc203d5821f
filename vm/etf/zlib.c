// The `compressed` form of the external term format, on zlib: compression as OTP 25 does it
// (compress2 at the given level into a buffer no larger than the input, else no compression)
// and a bounded inflate for the decoder, which never allocates past the output it has seen.
#include "etf.h"

#include <stdlib.h>
#include <zlib.h>

#include "vm.h"

// First output buffer of etf_inflate; it doubles as output arrives, up to the declared size.
#define INFLATE_FIRST_CHUNK (64u * 1024u)

bool etf_compress(const uint8_t *enc, size_t size, int level, uint8_t **out, size_t *out_size)
{
    // OTP gives zlib the input without its version byte and room for size - 5 bytes, so the
    // result (6 header bytes + stream) is shorter than the input or not used at all.
    size_t real_size = size - 1;
    if (real_size < 5 || real_size > UINT32_MAX) {
        return false;
    }
    uLongf dest_len = (uLongf)(real_size - 5);
    uint8_t *buf = em_malloc(6 + dest_len);
    if (compress2(buf + 6, &dest_len, enc + 1, (uLong)real_size, level) != Z_OK) {
        free(buf);
        return false;
    }
    buf[0] = ETF_VERSION;
    buf[1] = ETF_COMPRESSED;
    buf[2] = (uint8_t)(real_size >> 24);
    buf[3] = (uint8_t)(real_size >> 16);
    buf[4] = (uint8_t)(real_size >> 8);
    buf[5] = (uint8_t)real_size;
    *out = buf;
    *out_size = 6 + dest_len;
    return true;
}

// Runs [zs] until the stream ends, growing *[buf] (capacity *[cap]) up to [declared] bytes.
static bool inflate_all(z_stream *zs, size_t declared, uint8_t **buf, size_t *cap)
{
    for (;;) {
        if (zs->avail_out == 0) {
            if (*cap == declared) {
                // Full, yet the stream goes on: only its end may remain.
                uint8_t probe;
                zs->next_out = &probe;
                zs->avail_out = 1;
                int rc = inflate(zs, Z_FINISH);
                return rc == Z_STREAM_END && zs->avail_out == 1;
            }
            size_t new_cap = *cap * 2 < declared ? *cap * 2 : declared;
            *buf = em_realloc(*buf, new_cap);
            zs->next_out = *buf + *cap;
            zs->avail_out = (uInt)(new_cap - *cap);
            *cap = new_cap;
        }
        int rc = inflate(zs, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            return zs->total_out == declared;
        }
        if (rc != Z_OK) {
            return false; // corrupt data, or input ended before the stream did (Z_BUF_ERROR)
        }
    }
}

bool etf_inflate(const uint8_t *z, size_t z_size, size_t declared, uint8_t **out,
                 size_t *z_used)
{
    if (declared == 0 || z_size > UINT32_MAX) {
        return false;
    }
    z_stream zs = {0};
    if (inflateInit(&zs) != Z_OK) {
        return false;
    }
    size_t cap = declared < INFLATE_FIRST_CHUNK ? declared : INFLATE_FIRST_CHUNK;
    uint8_t *buf = em_malloc(cap);
    zs.next_in = (Bytef *)(uintptr_t)z;
    zs.avail_in = (uInt)z_size;
    zs.next_out = buf;
    zs.avail_out = (uInt)cap;
    bool ok = inflate_all(&zs, declared, &buf, &cap);
    *z_used = zs.total_in;
    inflateEnd(&zs);
    if (!ok) {
        free(buf);
        return false;
    }
    *out = buf;
    return true;
}
