/* wscompat: Windows' poppack.h: back to the packing before the last
 * pshpackN.h.  No include guard: each inclusion pops once. */
#pragma pack(pop)
