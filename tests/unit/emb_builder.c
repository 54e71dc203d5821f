// Hand-assembled .emb modules for tests (see emb_builder.h).
#include "emb_builder.h"

#include <stdlib.h>
#include <string.h>

#include "bytecode.h"

static void put(EmbBuilder *b, const void *data, size_t len)
{
    if (b->len + len > b->cap) {
        b->cap = (b->len + len) * 2 + 64;
        b->bytes = realloc(b->bytes, b->cap);
    }
    memcpy(b->bytes + b->len, data, len);
    b->len += len;
}

static void put_u32(EmbBuilder *b, uint32_t v)
{
    uint8_t w[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(b, w, 4);
}

static void put_str(EmbBuilder *b, const char *s)
{
    put_u32(b, (uint32_t)strlen(s));
    put(b, s, strlen(s));
}

// Appends section [id] whose payload is [sec].
static void put_section(EmbBuilder *b, uint32_t id, EmbBuilder *sec)
{
    put_u32(b, id);
    put_u32(b, (uint32_t)sec->len);
    put(b, sec->bytes, sec->len);
    free(sec->bytes);
    *sec = (EmbBuilder){0};
}

size_t emb_build_module(uint32_t arity, uint32_t frame_size, const uint32_t *code,
                        uint32_t code_len, uint8_t **out)
{
    EmbBuilder body = {0};
    EmbBuilder sec = {0};
    put_u32(&sec, 2);
    put_str(&sec, "Elixir.T");
    put_str(&sec, "f");
    put_section(&body, EMB_SEC_ATOMS, &sec);
    put_u32(&sec, 1);
    uint8_t tag = EMB_LIT_INT;
    put(&sec, &tag, 1);
    put_u32(&sec, 42);
    put_u32(&sec, 0);
    put_section(&body, EMB_SEC_LITERALS, &sec);
    put_u32(&sec, 1);
    put_u32(&sec, 0);
    put_u32(&sec, 1);
    put_u32(&sec, arity);
    put_section(&body, EMB_SEC_IMPORTS, &sec);
    uint32_t fn[7] = {1, arity, 0, frame_size, EMB_FN_EXPORTED, 0, code_len};
    put_u32(&sec, 1);
    for (int i = 0; i < 7; i++) {
        put_u32(&sec, fn[i]);
    }
    put_section(&body, EMB_SEC_FUNCTIONS, &sec);
    put_u32(&sec, code_len);
    for (uint32_t i = 0; i < code_len; i++) {
        put_u32(&sec, code[i]);
    }
    put_section(&body, EMB_SEC_CODE, &sec);
    put_u32(&sec, 1);
    put_u32(&sec, 0);
    put_u32(&sec, 7);
    put_section(&body, EMB_SEC_LINES, &sec);
    put_str(&sec, "t.exs");
    put_section(&body, EMB_SEC_SOURCE, &sec);

    EmbBuilder file = {0};
    put(&file, EMB_MAGIC, 4);
    put_u32(&file, EMB_FORMAT_VERSION);
    put_u32(&file, emb_checksum(body.bytes, (uint32_t)body.len));
    put_u32(&file, (uint32_t)body.len);
    put(&file, body.bytes, body.len);
    free(body.bytes);
    *out = file.bytes;
    return file.len;
}

void emb_fix_checksum(uint8_t *bytes, size_t len)
{
    if (len < EMB_HEADER_SIZE) {
        return;
    }
    uint32_t sum = emb_checksum(bytes + EMB_HEADER_SIZE, (uint32_t)(len - EMB_HEADER_SIZE));
    for (int i = 0; i < 4; i++) {
        bytes[8 + i] = (uint8_t)(sum >> (8 * i));
    }
}
