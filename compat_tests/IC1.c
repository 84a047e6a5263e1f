/* IC1: SIO_ADDRESS_LIST_QUERY: without room SOCKET_ERROR WSAEFAULT and
 * the size needed in lpcbBytesReturned; with that room 0 and a
 * SOCKET_ADDRESS_LIST whose entries are addresses of the socket's
 * family, pointing into the buffer after the array. */
#include <stddef.h>
#include <stdlib.h>
#include "harness.h"

void sc_IC1(ct *t)
{
    SOCKET s;
    DWORD need = 0, got = 0;
    SOCKET_ADDRESS_LIST *list;
    char *buf;
    int i, consistent = 1;

    ct_startup(t);
    s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ct_obs_rc(t, "no_room", WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, NULL,
                                     0, &need, NULL, NULL));
    ct_obs(t, "size_reported", "%s",
           need >= offsetof(SOCKET_ADDRESS_LIST, Address) ? "yes" : "no");
    buf = calloc(1, need + 1);
    ct_require(t, buf != NULL, "memory");
    ct_obs_rc(t, "query", WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, buf,
                                   need, &got, NULL, NULL));
    list = (SOCKET_ADDRESS_LIST *)buf;
    for (i = 0; i < list->iAddressCount; i++) {
        char *a = (char *)list->Address[i].lpSockaddr;

        consistent &= list->Address[i].iSockaddrLength ==
                          (INT)sizeof(struct sockaddr_in) &&
                      a >= buf + offsetof(SOCKET_ADDRESS_LIST, Address) &&
                      a + sizeof(struct sockaddr_in) <= buf + need &&
                      ((struct sockaddr *)a)->sa_family == AF_INET;
    }
    ct_obs(t, "entries", "%s", consistent ? "consistent" : "wrong");
    ct_obs(t, "bytes", "%s", got == need ? "as reported" : "other");
    free(buf);
    closesocket(s);
}
