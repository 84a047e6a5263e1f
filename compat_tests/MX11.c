/* MX11: a pending AcceptEx ends with ERROR_OPERATION_ABORTED when its
 * acceptor or its listener is closed, on an event and as a packet on the
 * listener's completion port (rows MX11, 2h); an acceptor closed after
 * the connection came but before its data: ERROR_OPERATION_ABORTED or
 * ERROR_CONNECTION_ABORTED. */
#include "mx.h"

#define AL (sizeof(struct sockaddr_in) + 16)

void sc_MX11(ct *t)
{
    unsigned short port;
    SOCKET l, acc, cl;
    LPFN_ACCEPTEX AcceptEx_;
    char buf[16 + 2 * AL];
    DWORD n = 0, e;
    OVERLAPPED ov;
    HANDLE cp;
    struct sockaddr_in to;

    ct_startup(t);
    /* The acceptor closed. */
    l = ct_listener(t, &port);
    AcceptEx_ = mx_acceptex(t, l);
    acc = mx_tcp(t);
    mx_ov(&ov);
    mx_obs_bool(t, "acceptex", AcceptEx_(l, acc, buf, 0, AL, AL, &n, &ov));
    ct_obs_rc(t, "close_acceptor", closesocket(acc));
    mx_obs_result(t, "acceptor_closed", l, &ov, 2000);
    CloseHandle(ov.hEvent);

    /* The listener closed. */
    acc = mx_tcp(t);
    mx_ov(&ov);
    mx_obs_bool(t, "acceptex2", AcceptEx_(l, acc, buf, 0, AL, AL, &n, &ov));
    ct_obs_rc(t, "close_listener", closesocket(l));
    mx_obs_result(t, "listener_closed", l, &ov, 2000);
    closesocket(acc);
    CloseHandle(ov.hEvent);

    /* The same on a completion port (row 2h). */
    l = ct_listener(t, &port);
    cp = CreateIoCompletionPort((HANDLE)l, NULL, 9, 0);
    ct_require(t, cp != NULL, "completion port");
    acc = mx_tcp(t);
    memset(&ov, 0, sizeof(ov));
    mx_obs_bool(t, "acceptex3", AcceptEx_(l, acc, buf, 0, AL, AL, &n, &ov));
    mx_obs_packet(t, "packet_before_close", cp, &ov, 0);
    ct_obs_rc(t, "close_listener3", closesocket(l));
    mx_obs_packet(t, "packet_listener_closed", cp, &ov, 2000);
    closesocket(acc);
    CloseHandle(cp);

    /* Connected, waiting for the first data, the acceptor closed. */
    l = ct_listener(t, &port);
    to = ct_loopback(port);
    acc = mx_tcp(t);
    mx_ov(&ov);
    mx_obs_bool(t, "acceptex4", AcceptEx_(l, acc, buf, 16, AL, AL, &n, &ov));
    cl = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ct_obs_rc(t, "client_connect",
              connect(cl, (struct sockaddr *)&to, sizeof(to)));
    closesocket(acc);
    if (WaitForSingleObject(ov.hEvent, 2000) != WAIT_OBJECT_0) {
        ct_obs(t, "closed_before_data", "HANG");
    } else {
        BOOL r = GetOverlappedResult((HANDLE)acc, &ov, &n, FALSE);

        e = r ? 0 : GetLastError();
        ct_obs(t, "closed_before_data", "%s",
               e == ERROR_OPERATION_ABORTED || e == ERROR_CONNECTION_ABORTED
                   ? "aborted (995 or 1236)" : mx_err(e));
    }
    closesocket(cl);
    closesocket(l);
    CloseHandle(ov.hEvent);
}
