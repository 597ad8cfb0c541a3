#ifndef NIANBAO_BYTE_SEARCH_H
#define NIANBAO_BYTE_SEARCH_H
#include <stddef.h>

/* glibc's memmem, a GNU extension that Swift's Glibc module does not declare. */
const void *nb_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
