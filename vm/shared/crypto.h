// :crypto's VM-wide state (vm/shared/crypto.c): the OpenSSL digests fetched so far.
#ifndef EMBER_VM_SHARED_CRYPTO_H
#define EMBER_VM_SHARED_CRYPTO_H

#include "types.h"

typedef struct CryptoCache CryptoCache;

// Frees [vm]'s digest cache (vm->crypto), if any was made. Called by vm_free, when no process
// runs.
void crypto_cache_free(Vm *vm);

#endif
