// ConnectEx/DisconnectEx client for cx_server, in C++: 6 connections at
// once, each a Connection object driven by one completion port.  ConnectEx
// and DisconnectEx come from WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER);
// ConnectEx needs a bound socket (bind to INADDR_ANY:0) and sends the first
// message with the connect; then SO_UPDATE_CONNECT_CONTEXT makes getpeername
// work.  20 messages are echoed with overlapped WSASend/WSARecv and checked
// byte by byte; DisconnectEx (overlapped) ends the sending side, and the
// server's close shows as a 0-byte receive.  Completions are dequeued with
// GetQueuedCompletionStatusEx; the OVERLAPPED is found again with
// CONTAINING_RECORD.
// Usage: cx_client <host> <port>
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#include <cstdio>
#include <cstring>
#include <vector>
#include <string>

#pragma comment(lib, "ws2_32.lib")

namespace {

const int kConnections = 6;
const int kMessages = 20;

LPFN_CONNECTEX g_ConnectEx = nullptr;
LPFN_DISCONNECTEX g_DisconnectEx = nullptr;
int g_failures = 0;
int g_finished = 0;

template <typename T>
bool LoadExtension(SOCKET s, GUID guid, T *fn)
{
    DWORD bytes = 0;
    return WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof(guid),
                    fn, sizeof(*fn), &bytes, nullptr, nullptr) == 0;
}

struct IoRequest {
    OVERLAPPED ov;
    enum Kind { Connect, Send, Recv, Disconnect } kind;
};

class Connection {
public:
    Connection(int id, const sockaddr_in &server) : id_(id), server_(server) {}
    ~Connection() { if (sock_ != INVALID_SOCKET) ::closesocket(sock_); }

    bool Start(HANDLE port)
    {
        sock_ = ::WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, nullptr, 0,
                             WSA_FLAG_OVERLAPPED);
        if (sock_ == INVALID_SOCKET)
            return Fail("WSASocket", WSAGetLastError());
        if (!g_ConnectEx) {
            if (!LoadExtension(sock_, GUID(WSAID_CONNECTEX), &g_ConnectEx) ||
                !LoadExtension(sock_, GUID(WSAID_DISCONNECTEX), &g_DisconnectEx))
                return Fail("WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER)",
                            WSAGetLastError());
        }
        sockaddr_in local = {};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = INADDR_ANY;
        local.sin_port = 0;
        if (::bind(sock_, reinterpret_cast<sockaddr *>(&local), sizeof(local)) != 0)
            return Fail("bind", WSAGetLastError());
        if (::CreateIoCompletionPort(reinterpret_cast<HANDLE>(sock_), port,
                                     reinterpret_cast<ULONG_PTR>(this), 0) == nullptr)
            return Fail("CreateIoCompletionPort", GetLastError());

        MakeMessage();
        ZeroMemory(&sendReq_, sizeof(sendReq_));
        sendReq_.kind = IoRequest::Connect;
        DWORD sent = 0;
        if (!g_ConnectEx(sock_, reinterpret_cast<const sockaddr *>(&server_),
                         sizeof(server_), &out_[0], static_cast<DWORD>(out_.size()),
                         &sent, &sendReq_.ov) &&
            WSAGetLastError() != ERROR_IO_PENDING)
            return Fail("ConnectEx", WSAGetLastError());
        return true;
    }

    // One completion for this connection.
    void OnCompletion(IoRequest *req, BOOL ok, DWORD bytes)
    {
        if (done_)
            return;
        if (!ok) {
            Fail("overlapped operation", GetLastError());
            return;
        }
        switch (req->kind) {
        case IoRequest::Connect: {
            if (::setsockopt(sock_, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT,
                             nullptr, 0) != 0) {
                Fail("setsockopt(SO_UPDATE_CONNECT_CONTEXT)", WSAGetLastError());
                return;
            }
            sockaddr_in peer = {};
            int len = sizeof(peer);
            if (::getpeername(sock_, reinterpret_cast<sockaddr *>(&peer), &len) != 0 ||
                peer.sin_port != server_.sin_port) {
                Fail("getpeername after ConnectEx", WSAGetLastError());
                return;
            }
            if (bytes != out_.size()) {
                Fail("ConnectEx sent fewer bytes than asked", static_cast<int>(bytes));
                return;
            }
            PostRecv();
            break;
        }
        case IoRequest::Send:
            sendPending_ = false;
            if (bytes != out_.size()) {
                Fail("overlapped send incomplete", static_cast<int>(bytes));
                return;
            }
            if (got_ == out_.size())
                NextMessage();
            break;
        case IoRequest::Recv:
            if (bytes == 0) {
                if (message_ == kMessages) {
                    done_ = true; // server closed after our DisconnectEx
                    ++g_finished;
                } else {
                    Fail("connection closed early", message_);
                }
                return;
            }
            if (std::memcmp(&in_[got_], &out_[got_], bytes) != 0) {
                Fail("echoed bytes differ", message_);
                return;
            }
            got_ += bytes;
            if (got_ < out_.size()) {
                PostRecv();
                return;
            }
            // the send's packet may still be queued: its OVERLAPPED is
            // reused only once it has been dequeued
            if (!sendPending_)
                NextMessage();
            break;
        case IoRequest::Disconnect:
            // our FIN is out; the server closes, the receive sees 0
            got_ = 0;
            PostRecv();
            break;
        }
    }

    bool failed() const { return failed_; }

private:
    void NextMessage()
    {
        {
            if (++message_ == kMessages) {
                ZeroMemory(&discReq_, sizeof(discReq_));
                discReq_.kind = IoRequest::Disconnect;
                if (!g_DisconnectEx(sock_, &discReq_.ov, 0, 0) &&
                    WSAGetLastError() != ERROR_IO_PENDING)
                    Fail("DisconnectEx", WSAGetLastError());
                return;
            }
            MakeMessage();
            PostSend();
            PostRecv();
        }
    }

    void MakeMessage()
    {
        std::string s = "conn " + std::to_string(id_) + " msg " +
                        std::to_string(message_) + ":";
        size_t len = 100 + (id_ * 701 + message_ * 331) % 4000;
        out_.assign(s.begin(), s.end());
        while (out_.size() < len)
            out_.push_back(static_cast<char>('a' + (out_.size() + message_) % 26));
        in_.assign(out_.size() + 1, 0);
        got_ = 0;
    }

    void PostSend()
    {
        ZeroMemory(&sendReq_, sizeof(sendReq_));
        sendReq_.kind = IoRequest::Send;
        sendPending_ = true;
        WSABUF buf = { static_cast<ULONG>(out_.size()), &out_[0] };
        DWORD n = 0;
        if (::WSASend(sock_, &buf, 1, &n, 0, &sendReq_.ov, nullptr) != 0 &&
            WSAGetLastError() != WSA_IO_PENDING)
            Fail("WSASend", WSAGetLastError());
    }

    void PostRecv()
    {
        ZeroMemory(&recvReq_, sizeof(recvReq_));
        recvReq_.kind = IoRequest::Recv;
        WSABUF buf = { static_cast<ULONG>(in_.size() - got_), &in_[got_] };
        DWORD n = 0, flags = 0;
        if (::WSARecv(sock_, &buf, 1, &n, &flags, &recvReq_.ov, nullptr) != 0 &&
            WSAGetLastError() != WSA_IO_PENDING)
            Fail("WSARecv", WSAGetLastError());
    }

    bool Fail(const char *what, long code)
    {
        std::printf("[%d] %s failed: %ld (message %d)\n", id_, what, code, message_);
        if (!failed_) {
            failed_ = true;
            done_ = true;
            ++g_failures;
        }
        return false;
    }

    int id_;
    sockaddr_in server_;
    SOCKET sock_ = INVALID_SOCKET;
    IoRequest sendReq_ = {}, recvReq_ = {}, discReq_ = {};
    std::vector<char> out_, in_;
    size_t got_ = 0;
    int message_ = 0;
    bool done_ = false, failed_ = false, sendPending_ = false;
};

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 3) {
        std::printf("usage: %s <host> <port>\n", argv[0]);
        return 1;
    }
    WSADATA wsd;
    if (WSAStartup(MAKEWORD(2, 2), &wsd) != 0)
        return 1;

    addrinfo hints = {}, *res = nullptr;
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(argv[1], argv[2], &hints, &res) != 0) {
        std::printf("getaddrinfo failed: %d\n", WSAGetLastError());
        return 1;
    }
    sockaddr_in server = *reinterpret_cast<sockaddr_in *>(res->ai_addr);
    freeaddrinfo(res);

    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, nullptr, 0, 1);
    if (port == nullptr)
        return 1;

    DWORD start = GetTickCount();
    std::vector<Connection *> conns;
    for (int i = 0; i < kConnections; i++) {
        conns.push_back(new Connection(i, server));
        if (!conns.back()->Start(port))
            return 1;
    }

    OVERLAPPED_ENTRY entries[8];
    while (g_finished + g_failures < kConnections) {
        ULONG n = 0;
        if (!GetQueuedCompletionStatusEx(port, entries, _countof(entries), &n,
                                         20000, FALSE)) {
            std::printf("GetQueuedCompletionStatusEx failed: %lu\n", GetLastError());
            ++g_failures;
            break;
        }
        for (ULONG i = 0; i < n; i++) {
            Connection *c = reinterpret_cast<Connection *>(entries[i].lpCompletionKey);
            IoRequest *req = CONTAINING_RECORD(entries[i].lpOverlapped, IoRequest, ov);
            DWORD bytes = 0;
            // the entry's Internal is the status; the OVERLAPPED tells it too
            BOOL ok = HasOverlappedIoCompleted(entries[i].lpOverlapped) &&
                      entries[i].lpOverlapped->Internal == 0;
            bytes = entries[i].dwNumberOfBytesTransferred;
            if (!ok)
                SetLastError(static_cast<DWORD>(entries[i].lpOverlapped->Internal));
            c->OnCompletion(req, ok, bytes);
        }
    }
    for (Connection *c : conns)
        delete c;
    CloseHandle(port);
    WSACleanup();
    std::printf("%d connections x %d messages (ConnectEx data, DisconnectEx), "
                "%d finished, %d failed, %lu ms\n",
                kConnections, kMessages, g_finished, g_failures, GetTickCount() - start);
    return g_failures == 0 ? 0 : 1;
}
