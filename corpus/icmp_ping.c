/* A ping tool the way the IP Helper samples write one: IcmpCreateFile,
 * IcmpSendEcho into a buffer of sizeof(ICMP_ECHO_REPLY) plus the data,
 * the reply read through PICMP_ECHO_REPLY and S_un.S_addr, then the same
 * echo finished later (IcmpSendEcho2 with an event, IcmpParseReplies),
 * and several hosts pinged at once from one handle.  (No
 * GetIpErrorString: Wine 8 lacks it; unit_tests/test_icmp.c checks it.)
 * Exits 0 when every reply is right, 1 otherwise, 77 when the
 * system lets this process send no ICMP (not privileged).
 * Usage: icmp_ping [address]   (default 127.0.0.1) */
#include <winsock2.h>
#include <windows.h>
#include <winternl.h>
#include <iphlpapi.h>
#include <icmpapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma comment(lib, "iphlpapi.lib")
#pragma comment(lib, "ws2_32.lib")

#define HOSTS 4

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        printf("FAILED: %s\n", what);
        failures++;
    }
}

/* The synchronous sample, close to the page's. */
static int ping_once(HANDLE hIcmpFile, unsigned long ipaddr, const char *name)
{
    DWORD dwRetVal = 0;
    char SendData[32] = "Data Buffer";
    LPVOID ReplyBuffer = NULL;
    DWORD ReplySize = 0;

    ReplySize = sizeof(ICMP_ECHO_REPLY) + sizeof(SendData);
    ReplyBuffer = (VOID *)malloc(ReplySize);
    if (ReplyBuffer == NULL) {
        printf("\tUnable to allocate memory\n");
        return 1;
    }
    dwRetVal = IcmpSendEcho(hIcmpFile, ipaddr, SendData, sizeof(SendData),
                            NULL, ReplyBuffer, ReplySize, 1000);
    if (dwRetVal != 0) {
        PICMP_ECHO_REPLY pEchoReply = (PICMP_ECHO_REPLY)ReplyBuffer;
        struct in_addr ReplyAddr;

        ReplyAddr.S_un.S_addr = pEchoReply->Address;
        printf("\tSent icmp message to %s\n", name);
        if (dwRetVal > 1)
            printf("\tReceived %ld icmp message responses\n", dwRetVal);
        else
            printf("\tReceived %ld icmp message response\n", dwRetVal);
        printf("\t  Received from %s\n", inet_ntoa(ReplyAddr));
        printf("\t  Status = %ld\n", pEchoReply->Status);
        printf("\t  Roundtrip time = %ld milliseconds\n",
               pEchoReply->RoundTripTime);
        check(pEchoReply->Status == IP_SUCCESS, "reply status");
        check(pEchoReply->Address == ipaddr, "reply address");
        check(pEchoReply->DataSize == sizeof(SendData), "reply size");
        check(memcmp(pEchoReply->Data, SendData, sizeof(SendData)) == 0,
              "reply data");
    } else {
        DWORD err = GetLastError();

        printf("\tCall to IcmpSendEcho failed.\n");
        printf("\tIcmpSendEcho returned error: %ld\n", err);
        free(ReplyBuffer);
        return err == ERROR_ACCESS_DENIED ? 77 : 1;
    }
    free(ReplyBuffer);
    return 0;
}

/* Several echoes in flight at once, each with its event. */
static void ping_at_once(HANDLE hIcmpFile)
{
    HANDLE events[HOSTS];
    char data[HOSTS][24];
    char *replies[HOSTS];
    /* What the IcmpSendEcho2 page asks of an asynchronous reply buffer:
     * room for an IO_STATUS_BLOCK too. */
    DWORD size = sizeof(ICMP_ECHO_REPLY) + sizeof(data[0]) + 8 +
                 sizeof(IO_STATUS_BLOCK);
    int i;

    for (i = 0; i < HOSTS; i++) {
        unsigned long addr = htonl(INADDR_LOOPBACK + (u_long)i);
        DWORD ret;

        _snprintf(data[i], sizeof(data[i]), "echo %d of %d", i + 1, HOSTS);
        replies[i] = (char *)malloc(size);
        events[i] = CreateEvent(NULL, TRUE, FALSE, NULL);
        ret = IcmpSendEcho2(hIcmpFile, events[i], NULL, NULL, addr, data[i],
                            sizeof(data[i]), NULL, replies[i], size, 2000);
        check(ret == 0 && GetLastError() == ERROR_IO_PENDING,
              "IcmpSendEcho2 pending");
    }
    check(WaitForMultipleObjects(HOSTS, events, TRUE, 10000) ==
              WAIT_OBJECT_0,
          "all echoes answered in time");
    for (i = 0; i < HOSTS; i++) {
        PICMP_ECHO_REPLY r = (PICMP_ECHO_REPLY)replies[i];
        struct in_addr a;

        check(IcmpParseReplies(replies[i], size) == 1, "IcmpParseReplies");
        a.S_un.S_addr = r->Address;
        printf("\tEcho %d: %s from %s, %u bytes\n", i + 1,
               r->Status == IP_SUCCESS ? "reply" : "error", inet_ntoa(a),
               (unsigned)r->DataSize);
        check(r->Status == IP_SUCCESS, "async reply status");
        check(r->Address == htonl(INADDR_LOOPBACK + (u_long)i),
              "async reply address");
        check(r->DataSize == sizeof(data[i]) &&
                  memcmp(replies[i] + sizeof(ICMP_ECHO_REPLY), data[i],
                         sizeof(data[i])) == 0,
              "async reply data");
        CloseHandle(events[i]);
        free(replies[i]);
    }
}

int __cdecl main(int argc, char **argv)
{
    HANDLE hIcmpFile;
    unsigned long ipaddr = INADDR_NONE;
    const char *name = argc > 1 ? argv[1] : "127.0.0.1";
    int r;

    ipaddr = inet_addr(name);
    if (ipaddr == INADDR_NONE) {
        printf("usage: %s IP address\n", argv[0]);
        return 1;
    }
    hIcmpFile = IcmpCreateFile();
    if (hIcmpFile == INVALID_HANDLE_VALUE) {
        DWORD err = GetLastError();

        printf("\tUnable to open handle.\n");
        printf("IcmpCreatefile returned error: %ld\n", err);
        if (err == ERROR_ACCESS_DENIED) {
            printf("SKIP: this process may not send ICMP\n");
            return 77;
        }
        return 1;
    }
    r = ping_once(hIcmpFile, ipaddr, name);
    if (r == 77)
        printf("SKIP: this process may not send ICMP\n");
    if (r) {
        IcmpCloseHandle(hIcmpFile);
        return r;
    }
    ping_at_once(hIcmpFile);
    check(IcmpCloseHandle(hIcmpFile) == TRUE, "IcmpCloseHandle");
    printf(failures ? "icmp_ping: %d checks failed\n" : "icmp_ping: ok\n",
           failures);
    return failures ? 1 : 0;
}
