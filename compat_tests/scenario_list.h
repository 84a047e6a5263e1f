/* Which scenarios a runner runs, and their declarations: every scenario
 * (scenarios.def), or, built with CT_PORT, the ones that make sense for a
 * program ported to POSIX names (port_scenarios.def). */
#ifndef CT_SCENARIO_LIST_H
#define CT_SCENARIO_LIST_H

#include "ct.h"

#ifdef CT_PORT
#define CT_SCENARIOS "port_scenarios.def"
#else
#define CT_SCENARIOS "scenarios.def"
#endif

#define SCENARIO(id) void sc_##id(ct *t);
#include CT_SCENARIOS
#undef SCENARIO

#endif
