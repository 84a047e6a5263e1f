/* wscompat: Windows' pshpack8.h: structures that follow are packed to 8
 * bytes until poppack.h (the raw-socket samples' IP and ICMP headers).
 * No include guard: each inclusion pushes once, as on Windows. */
#pragma pack(push, 8)
