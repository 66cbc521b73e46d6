// SHA-256 block compression with the x86-64 SHA extensions (SHA-NI).
//
// The layout follows Intel's description of the instructions ("Intel SHA Extensions", 2013) and the
// public-domain sample code derived from it: the state is kept as ABEF/CDGH in two registers, each
// SHA256RNDS2 does two rounds, SHA256MSG1/MSG2 compute the message schedule four words at a time.
// The function is compiled for the SHA/SSE4.1 targets alone (attribute below), so the library needs
// no global compiler flags and the code is only reached after CPUID says the CPU has them.
#include "CSHA256.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <cpuid.h>
#include <immintrin.h>

int stickprov_sha256_ni_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

static const uint32_t K[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// Four rounds with the schedule words `msg` (K already added inside).
#define QUAD(msg, q)                                                        \
    do {                                                                    \
        __m128i kw = _mm_add_epi32((msg), _mm_load_si128((const __m128i *)&K[4 * (q)])); \
        state1 = _mm_sha256rnds2_epu32(state1, state0, kw);                 \
        kw = _mm_shuffle_epi32(kw, 0x0E);                                   \
        state0 = _mm_sha256rnds2_epu32(state0, state1, kw);                 \
    } while (0)

// W[t..t+3] from W[t-16..t-1] held in a (oldest), b, c, d (newest): a becomes the new words.
#define SCHEDULE(a, b, c, d)                                                \
    do {                                                                    \
        a = _mm_sha256msg1_epu32(a, b);                                     \
        a = _mm_add_epi32(a, _mm_alignr_epi8(d, c, 4));                     \
        a = _mm_sha256msg2_epu32(a, d);                                     \
    } while (0)

__attribute__((target("sha,sse4.1,ssse3")))
void stickprov_sha256_compress_ni(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);    // DCBA (lanes 3..0)
    __m128i state1 = _mm_loadu_si128((const __m128i *)&state[4]); // HGFE
    tmp = _mm_shuffle_epi32(tmp, 0xB1);                           // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);                     // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);             // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);                  // CDGH

    while (blocks--) {
        const __m128i saved0 = state0, saved1 = state1;
        __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byteSwap);
        __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byteSwap);
        __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byteSwap);
        __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byteSwap);
        QUAD(w0, 0);
        QUAD(w1, 1);
        QUAD(w2, 2);
        QUAD(w3, 3);
        for (int q = 4; q < 16; q += 4) {
            SCHEDULE(w0, w1, w2, w3);
            QUAD(w0, q);
            SCHEDULE(w1, w2, w3, w0);
            QUAD(w1, q + 1);
            SCHEDULE(w2, w3, w0, w1);
            QUAD(w2, q + 2);
            SCHEDULE(w3, w0, w1, w2);
            QUAD(w3, q + 3);
        }
        state0 = _mm_add_epi32(state0, saved0);
        state1 = _mm_add_epi32(state1, saved1);
        data += 64;
    }

    tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);     // HGFE
    _mm_storeu_si128((__m128i *)&state[0], state0);
    _mm_storeu_si128((__m128i *)&state[4], state1);
}

#else

int stickprov_sha256_ni_available(void) { return 0; }

void stickprov_sha256_compress_ni(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state;
    (void)data;
    (void)blocks;
}

#endif
