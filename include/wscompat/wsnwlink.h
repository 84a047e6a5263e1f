/* wscompat: <wsnwlink.h>, the NWLink (IPX/SPX) socket options, with
 * Windows' numbers.  No IPX socket can be made (see wsipx.h), so no
 * socket takes them. */
#ifndef WSCOMPAT_WSNWLINK_H
#define WSCOMPAT_WSNWLINK_H
#include "wsipx.h"

#define IPX_PTYPE 0x4000
#define IPX_FILTERPTYPE 0x4001
#define IPX_STOPFILTERPTYPE 0x4003
#define IPX_DSTYPE 0x4002
#define IPX_EXTENDED_ADDRESS 0x4004
#define IPX_RECVHDR 0x4005
#define IPX_MAXSIZE 0x4006
#define IPX_ADDRESS 0x4007
#define IPX_GETNETINFO 0x4008
#define IPX_GETNETINFO_NORIP 0x4009
#define IPX_SPXGETCONNECTIONSTATUS 0x400b
#define IPX_ADDRESS_NOTIFY 0x400c
#define IPX_MAX_ADAPTER_NUM 0x400d
#define IPX_RERIPNETNUMBER 0x400e
#define IPX_RECEIVE_BROADCAST 0x400f
#define IPX_IMMEDIATESPXACK 0x4010

#endif
