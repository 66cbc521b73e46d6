// SHA-256 compression with the CPU's SHA extensions (x86-64 SHA-NI), chosen at run time.
// The portable Swift code in StickprovKit/Hashing is the fallback and the reference.
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (and SSSE3/SSE4.1) that stickprov_sha256_compress_ni
/// needs, else 0. Asks CPUID; cheap, but callers cache the answer.
int stickprov_sha256_ni_available(void);

/// Compresses `blocks` 64-byte blocks at `data` into the eight chaining words `state` (H0…H7,
/// FIPS 180-4 order). Only call it when stickprov_sha256_ni_available() returned 1.
void stickprov_sha256_compress_ni(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
