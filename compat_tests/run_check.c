/* The Linux runner: every scenario as a check test, each in its own
 * process (CK_FORK) with a time bound, compared with expected.txt. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include "ct.h"
#include "expect.h"

#define SCENARIO(id) void sc_##id(ct *t);
#include "scenarios.def"
#undef SCENARIO

static void run_one(const char *id, void (*fn)(ct *))
{
    static ct t;
    char diff[2048];

    ck_assert_msg(ct_expect_has(id), "%s has no rows in expected.txt", id);
    ct_run(&t, id, fn);
    ck_assert_msg(ct_expect_check(&t, diff, sizeof(diff)) == 0, "%s:\n%s",
                  id, diff);
}

#define SCENARIO(id) \
    START_TEST(test_##id) { run_one(#id, sc_##id); } END_TEST
#include "scenarios.def"
#undef SCENARIO

int main(void)
{
    const char *path = getenv("CT_EXPECTED");
    Suite *s = suite_create("compat");
    SRunner *sr;
    TCase *tc;
    int failed;

    if (!path)
        path = CT_EXPECTED_FILE;
    if (ct_expect_load(path) < 0) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
#define SCENARIO(id)                         \
    tc = tcase_create(#id);                  \
    tcase_set_timeout(tc, 30);               \
    tcase_add_test(tc, test_##id);           \
    suite_add_tcase(s, tc);
#include "scenarios.def"
#undef SCENARIO
    sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
