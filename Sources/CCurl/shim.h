#ifndef NIANBAO_CCURL_SHIM_H
#define NIANBAO_CCURL_SHIM_H
#include <curl/curl.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>

/* Typed wrappers for libcurl's variadic calls, which Swift cannot call directly. */

static inline CURLcode nb_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode nb_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode nb_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode nb_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode nb_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }

typedef size_t (*nb_data_callback)(char *, size_t, size_t, void *);
static inline CURLcode nb_easy_setopt_data_callback(CURL *h, CURLoption o, nb_data_callback v) { return curl_easy_setopt(h, o, v); }

static inline CURLcode nb_easy_setopt_opensocket(CURL *h, curl_opensocket_callback v) { return curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, v); }

/* The IP address (4 or 16 bytes, copied to `ip`) and port of an address curl is about to connect to; returns the
   address's length, 0 for a family other than IPv4 and IPv6. */
static inline int nb_sockaddr_ip(const struct curl_sockaddr *a, unsigned char ip[16], int *port) {
    if (a->family == AF_INET) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)&a->addr;
        memcpy(ip, &v4->sin_addr, 4);
        *port = ntohs(v4->sin_port);
        return 4;
    }
    if (a->family == AF_INET6) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&a->addr;
        memcpy(ip, &v6->sin6_addr, 16);
        *port = ntohs(v6->sin6_port);
        return 16;
    }
    return 0;
}

static inline CURLcode nb_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode nb_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode nb_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode nb_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode nb_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

#endif
