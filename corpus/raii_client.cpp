// C++ client for raii_server: two sessions at once, each on a thread made
// with CreateThread whose entry is a static member function; each session
// sends its lines, reads the echo line by line into a std::string and
// compares, then sends QUIT and expects BYE.
// Usage: raii_client <host> <port>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#pragma comment(lib, "ws2_32.lib")

class EchoSession {
public:
    EchoSession(const char *host, const char *port, int id)
        : host_(host), port_(port), id_(id), sock_(INVALID_SOCKET), ok_(false)
    {
    }
    ~EchoSession()
    {
        if (sock_ != INVALID_SOCKET)
            closesocket(sock_);
    }

    static DWORD WINAPI ThreadProc(LPVOID param)
    {
        EchoSession *self = static_cast<EchoSession *>(param);
        self->ok_ = self->Run();
        return self->ok_ ? 0 : 1;
    }

    bool ok() const { return ok_; }

private:
    bool Connect()
    {
        ADDRINFOA hints;
        PADDRINFOA result = NULL;
        ZeroMemory(&hints, sizeof(hints));
        hints.ai_family = AF_INET;
        hints.ai_socktype = SOCK_STREAM;
        if (getaddrinfo(host_.c_str(), port_.c_str(), &hints, &result) != 0)
            return false;
        sock_ = socket(result->ai_family, result->ai_socktype, result->ai_protocol);
        bool ok = sock_ != INVALID_SOCKET &&
                  connect(sock_, result->ai_addr, (int)result->ai_addrlen) != SOCKET_ERROR;
        freeaddrinfo(result);
        if (ok) {
            DWORD tmo = 10000;
            setsockopt(sock_, SOL_SOCKET, SO_RCVTIMEO, (const char *)&tmo, sizeof(tmo));
        }
        return ok;
    }

    bool ReadLine(std::string &line)
    {
        std::string::size_type pos;
        while ((pos = buffer_.find('\n')) == std::string::npos) {
            char chunk[256];
            int n = recv(sock_, chunk, sizeof(chunk), 0);
            if (n <= 0)
                return false;
            buffer_.append(chunk, n);
        }
        line = buffer_.substr(0, pos + 1);
        buffer_.erase(0, pos + 1);
        return true;
    }

    bool Run()
    {
        if (!Connect()) {
            std::printf("session %d: connect failed: %d\n", id_, WSAGetLastError());
            return false;
        }
        std::vector<std::string> lines;
        lines.push_back("session " + std::to_string(id_) + " says hello\n");
        lines.push_back(std::string(300, (char)('a' + id_)) + "\n");
        lines.push_back("last line\n");

        size_t longest = 0;
        std::string all;
        for (size_t i = 0; i < lines.size(); ++i) {
            longest = (std::max)(longest, lines[i].size());
            all += lines[i];
        }
        // all lines in one send: the server must split them
        if (send(sock_, all.data(), (int)all.size(), 0) != (int)all.size())
            return false;
        for (size_t i = 0; i < lines.size(); ++i) {
            std::string echo;
            if (!ReadLine(echo) || echo != lines[i]) {
                std::printf("session %d: line %u differs\n", id_, (unsigned)i);
                return false;
            }
        }
        const char quit[] = "QUIT\r\n";
        send(sock_, quit, (int)std::strlen(quit), 0);
        std::string bye;
        if (!ReadLine(bye) || bye != "BYE\n") {
            std::printf("session %d: no BYE\n", id_);
            return false;
        }
        std::printf("session %d ok (longest line %u bytes)\n", id_, (unsigned)longest);
        return true;
    }

    std::string host_, port_, buffer_;
    int id_;
    SOCKET sock_;
    bool ok_;
};

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::printf("usage: %s host port\n", argv[0]);
        return 1;
    }
    WSADATA wsaData;
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0)
        return 1;

    EchoSession a(argv[1], argv[2], 1), b(argv[1], argv[2], 2);
    HANDLE h[2];
    h[0] = CreateThread(NULL, 0, EchoSession::ThreadProc, &a, 0, NULL);
    h[1] = CreateThread(NULL, 0, EchoSession::ThreadProc, &b, 0, NULL);
    if (h[0] == NULL || h[1] == NULL) {
        std::printf("CreateThread failed: %lu\n", GetLastError());
        return 1;
    }
    DWORD r = WaitForMultipleObjects(2, h, TRUE, 30000);
    CloseHandle(h[0]);
    CloseHandle(h[1]);
    WSACleanup();
    if (r == WAIT_TIMEOUT) {
        std::printf("sessions timed out\n");
        return 1;
    }
    return (a.ok() && b.ok()) ? 0 : 1;
}
