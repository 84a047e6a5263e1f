// C++ alongside the redirection: std::bind, std::thread, and classes with
// members named send, recv, connect, close and shutdown.  Built as C++11
// and C++17 with -Wall -Wextra -pedantic -Werror, and run.
#include <winsock2.h>
#include <ws2tcpip.h>
#include <conio.h>
#include <functional>
#include <thread>
#include <string>
#include <cstdio>
#include <cstring>

class Connection {
public:
    explicit Connection(SOCKET s) : s_(s) {}
    int send(const std::string &m) { return ::send(s_, m.data(), (int)m.size(), 0); }
    std::string recv()
    {
        char buf[64];
        int n = ::recv(s_, buf, sizeof buf, 0);
        return n > 0 ? std::string(buf, (size_t)n) : std::string();
    }
    int shutdown() { return ::shutdown(s_, SD_SEND); }
    int close() { return ::closesocket(s_); }
    bool connect(unsigned short port)
    {
        sockaddr_in a;
        std::memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return ::connect(s_, (sockaddr *)&a, sizeof a) == 0;
    }
private:
    SOCKET s_;
};

static_assert(FD_SETSIZE == 64, "Windows' default FD_SETSIZE");
static_assert(sizeof(u_long) == 4, "u_long is 32-bit, as on Windows");

static int add(int a, int b) { return a + b; }

int main()
{
    WSADATA d;
    if (WSAStartup(MAKEWORD(2, 2), &d) != 0)
        return 1;
    auto plus2 = std::bind(add, std::placeholders::_1, 2);
    if (plus2(40) != 42)
        return 2;

    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    sockaddr_in a;
    std::memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(l, (sockaddr *)&a, sizeof a) != 0 || listen(l, 1) != 0)
        return 3;
    int len = sizeof a;
    getsockname(l, (sockaddr *)&a, &len);
    unsigned short port = ntohs(a.sin_port);

    std::string got;
    std::thread server([&] {
        Connection c(accept(l, nullptr, nullptr));
        got = c.recv();
        c.send(got);
        c.close();
    });
    Connection client(socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
    if (!client.connect(port))
        return 4;
    client.send("ping");
    std::string echo = client.recv();
    server.join();
    client.shutdown();
    client.close();
    closesocket(l);
    WSACleanup();
    std::printf("%s %s\n", got.c_str(), echo.c_str());
    return got == "ping" && echo == "ping" ? 0 : 5;
}
