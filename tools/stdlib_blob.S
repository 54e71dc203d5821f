// The compiled stdlib (.emb modules concatenated) embedded in the binary; BLOB names the file.
    .section .rodata
    .global ember_stdlib_blob
    .global ember_stdlib_blob_end
    .balign 16
ember_stdlib_blob:
    .incbin BLOB
ember_stdlib_blob_end:
    .section .note.GNU-stack,"",@progbits
