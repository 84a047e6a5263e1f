// C++ line-echo server: RAII wrappers for WSAStartup and SOCKET, one
// std::thread per client, std::string buffers.  Each client sends lines
// ending in "\n"; every line comes back as is, "QUIT" ends the session
// with "BYE\n".  Serves <count> clients (default 2), then exits.
// Usage: raii_server <port> [count]
#define WIN32_LEAN_AND_MEAN
#include <Windows.h>
#include <WinSock2.h>
#include <WS2tcpip.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#pragma comment(lib, "Ws2_32.lib")

namespace {

class WinsockInit {
public:
    WinsockInit()
    {
        WSADATA data;
        int err = WSAStartup(MAKEWORD(2, 2), &data);
        if (err != 0)
            throw std::runtime_error("WSAStartup failed: " + std::to_string(err));
    }
    ~WinsockInit() { WSACleanup(); }
    WinsockInit(const WinsockInit &) = delete;
    WinsockInit &operator=(const WinsockInit &) = delete;
};

class Socket {
public:
    Socket() : s_(INVALID_SOCKET) {}
    explicit Socket(SOCKET s) : s_(s) {}
    ~Socket() { reset(); }
    Socket(Socket &&other) noexcept : s_(other.s_) { other.s_ = INVALID_SOCKET; }
    Socket &operator=(Socket &&other) noexcept
    {
        if (this != &other) {
            reset();
            s_ = other.s_;
            other.s_ = INVALID_SOCKET;
        }
        return *this;
    }
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;

    SOCKET get() const { return s_; }
    bool valid() const { return s_ != INVALID_SOCKET; }
    void reset()
    {
        if (s_ != INVALID_SOCKET) {
            ::closesocket(s_);
            s_ = INVALID_SOCKET;
        }
    }

    bool sendAll(const std::string &data) const
    {
        size_t off = 0;
        while (off < data.size()) {
            // (std::min) in parentheses: <Windows.h> may define min as a macro
            int chunk = (int)(std::min)(data.size() - off, (size_t)4096);
            int n = ::send(s_, data.data() + off, chunk, 0);
            if (n == SOCKET_ERROR)
                return false;
            off += (size_t)n;
        }
        return true;
    }

private:
    SOCKET s_;
};

std::atomic<int> g_sessions{0};
std::atomic<int> g_failures{0};

void serveClient(Socket client, int id)
{
    std::string pending;
    char buf[512];
    bool quit = false;
    int lines = 0;

    DWORD timeout = 20000;
    setsockopt(client.get(), SOL_SOCKET, SO_RCVTIMEO,
               reinterpret_cast<const char *>(&timeout), sizeof(timeout));

    while (!quit) {
        int n = ::recv(client.get(), buf, sizeof(buf), 0);
        if (n == 0)
            break;
        if (n == SOCKET_ERROR) {
            std::printf("client %d: recv failed: %d\n", id, WSAGetLastError());
            ++g_failures;
            return;
        }
        pending.append(buf, (size_t)n);
        std::string::size_type pos;
        while ((pos = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, pos + 1);
            pending.erase(0, pos + 1);
            if (line == "QUIT\n" || line == "QUIT\r\n") {
                client.sendAll("BYE\n");
                quit = true;
                break;
            }
            ++lines;
            if (!client.sendAll(line)) {
                std::printf("client %d: send failed: %d\n", id, WSAGetLastError());
                ++g_failures;
                return;
            }
        }
    }
    shutdown(client.get(), SD_SEND);
    std::printf("client %d: %d lines echoed\n", id, lines);
    ++g_sessions;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::printf("usage: %s port [count]\n", argv[0]);
        return 1;
    }
    int count = argc > 2 ? std::atoi(argv[2]) : 2;
    count = (std::max)(1, (std::min)(count, 16));

    try {
        WinsockInit winsock;

        addrinfo hints = {};
        hints.ai_family = AF_INET;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_protocol = IPPROTO_TCP;
        hints.ai_flags = AI_PASSIVE;
        addrinfo *result = nullptr;
        if (getaddrinfo("127.0.0.1", argv[1], &hints, &result) != 0)
            throw std::runtime_error("getaddrinfo failed");

        Socket listener(socket(result->ai_family, result->ai_socktype,
                               result->ai_protocol));
        if (!listener.valid() ||
            bind(listener.get(), result->ai_addr, (int)result->ai_addrlen) == SOCKET_ERROR ||
            listen(listener.get(), SOMAXCONN) == SOCKET_ERROR) {
            freeaddrinfo(result);
            throw std::runtime_error("listen socket: " + std::to_string(WSAGetLastError()));
        }
        freeaddrinfo(result);
        std::printf("listening on 127.0.0.1:%s for %d clients\n", argv[1], count);
        std::fflush(stdout);

        std::vector<std::thread> threads;
        for (int i = 0; i < count; ++i) {
            Socket client(accept(listener.get(), nullptr, nullptr));
            if (!client.valid())
                throw std::runtime_error("accept: " + std::to_string(WSAGetLastError()));
            threads.emplace_back(serveClient, std::move(client), i + 1);
        }
        for (auto &t : threads)
            t.join();
    } catch (const std::exception &e) {
        std::printf("error: %s\n", e.what());
        return 1;
    }
    std::printf("%d sessions, %d failures\n", g_sessions.load(), g_failures.load());
    return (g_sessions == count && g_failures == 0) ? 0 : 1;
}
