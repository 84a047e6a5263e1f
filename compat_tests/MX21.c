/* MX21: TransmitFile: invalid WSAENOTSOCK; unconnected TCP or UDP
 * WSAENOTCONN; no file and no buffers TRUE with nothing sent; head and
 * tail only; the file from its current position; with an OVERLAPPED it
 * pends, Offset is where the file starts, and the bytes are file + head
 * + tail (row MX21).  The file is a temporary one made with CreateFile. */
#include "mx.h"

#define FILE_NAME "wsc-mx21.tmp"

/* Read until want bytes came (bounded): "N text". */
static void peer_read(ct *t, const char *key, SOCKET s, int want)
{
    char in[64];
    int got = 0, r;

    while (got < want && ct_wait_readable(s, 2000) > 0) {
        r = recv(s, in + got, (int)sizeof(in) - got, 0);
        if (r <= 0)
            break;
        got += r;
    }
    ct_obs(t, key, "%d %.*s", got, got, in);
}

void sc_MX21(ct *t)
{
    SOCKET s, u, c, srv;
    LPFN_TRANSMITFILE TransmitFile_;
    HANDLE f;
    DWORD w = 0;
    OVERLAPPED ov;
    TRANSMIT_FILE_BUFFERS tb;
    char head[] = "HEAD", tail[] = "TAIL", h1[] = "<", t1[] = ">";

    ct_startup(t);
    f = CreateFileA(FILE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL,
                    CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    ct_require(t, f != INVALID_HANDLE_VALUE, "CreateFile");
    ct_require(t, WriteFile(f, "0123456789", 10, &w, NULL) && w == 10,
               "WriteFile");
    s = mx_tcp(t);
    TransmitFile_ = mx_transmitfile(t, s);
    mx_obs_bool(t, "invalid",
                TransmitFile_(INVALID_SOCKET, f, 0, 0, NULL, NULL, 0));
    mx_obs_bool(t, "unconnected", TransmitFile_(s, f, 0, 0, NULL, NULL, 0));
    u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    mx_obs_bool(t, "udp", TransmitFile_(u, f, 0, 0, NULL, NULL, 0));
    closesocket(u);
    closesocket(s);

    ct_tcp_pair(t, &c, &srv);
    mx_obs_bool(t, "nothing", TransmitFile_(c, NULL, 0, 0, NULL, NULL, 0));
    tb.Head = head;
    tb.HeadLength = 4;
    tb.Tail = tail;
    tb.TailLength = 4;
    mx_obs_bool(t, "head_tail", TransmitFile_(c, NULL, 0, 0, NULL, &tb, 0));
    peer_read(t, "head_tail_peer", srv, 8);

    SetFilePointer(f, 4, NULL, FILE_BEGIN);
    mx_obs_bool(t, "from_position", TransmitFile_(c, f, 0, 0, NULL, NULL, 0));
    peer_read(t, "from_position_peer", srv, 6);

    mx_ov(&ov);
    ov.Offset = 2;
    tb.Head = h1;
    tb.HeadLength = 1;
    tb.Tail = t1;
    tb.TailLength = 1;
    mx_obs_bool(t, "overlapped", TransmitFile_(c, f, 0, 0, &ov, &tb, 0));
    mx_obs_result(t, "overlapped_result", c, &ov, 2000);
    peer_read(t, "overlapped_peer", srv, 10);
    closesocket(c);
    closesocket(srv);
    CloseHandle(ov.hEvent);
    CloseHandle(f);
    DeleteFileA(FILE_NAME);
}
