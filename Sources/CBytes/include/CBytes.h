// Byte search for the journal's reader: the C library's memmem (a GNU extension Swift's Glibc
// module does not export), so finding a draw's lines in a 35 MB journal takes milliseconds.
#ifndef CBYTES_H
#define CBYTES_H

#include <stddef.h>

/// The first occurrence of the `needle_length` bytes at `needle` in the `length` bytes at
/// `haystack`, or NULL.
const void *stickprov_memmem(const void *haystack, size_t length, const void *needle, size_t needle_length);

#endif
