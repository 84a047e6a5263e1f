/* The Linux runner: every scenario as a check test, each in its own
 * process (CK_FORK) with a time bound, compared with expected.txt.
 *
 * Built with CT_PORT it runs the scenarios compiled as a program ported
 * to POSIX names, with port/expected-posix.txt over expected.txt.  With
 * CT_CONTROL=1 in the environment (the plain run, without wscompat) a row
 * marked "@control = differs" must differ from Windows, one marked
 * "SIGPIPE" must die of SIGPIPE and one marked "hangs" must still be
 * running when an alarm ends it after CT_HANG_SECONDS: what wscompat
 * changes. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ct.h"
#include "expect.h"
#include "scenario_list.h"


#define CT_HANG_SECONDS 3

static int control;

static const char *control_says(const char *id)
{
    const char *v = control ? ct_expect_value(id, "@control") : NULL;

    return v ? v : "same";
}

static void run_one(const char *id, void (*fn)(ct *))
{
    static ct t;
    char diff[2048];
    int same;

    ck_assert_msg(ct_expect_has(id), "%s has no rows in expected.txt", id);
    if (!strcmp(control_says(id), "hangs")) {
        signal(SIGALRM, SIG_DFL); /* check's own handler would SIGKILL */
        alarm(CT_HANG_SECONDS);
    }
    ct_run(&t, id, fn);
    same = ct_expect_check(&t, diff, sizeof(diff)) == 0;
    if (!strcmp(control_says(id), "differs"))
        ck_assert_msg(!same, "%s: plain Linux should differ from Windows "
                      "here, and matched", id);
    else
        ck_assert_msg(same, "%s:\n%s", id, diff);
}

#define SCENARIO(id) \
    START_TEST(test_##id) { run_one(#id, sc_##id); } END_TEST
#include CT_SCENARIOS
#undef SCENARIO

static int load(const char *env, const char *fallback)
{
    const char *path = getenv(env);

    if (!path)
        path = fallback;
    if (ct_expect_load(path) < 0) {
        fprintf(stderr, "cannot read %s\n", path);
        return -1;
    }
    return 0;
}

static void add_test(Suite *s, const char *id, const TTest *test)
{
    TCase *tc = tcase_create(id);

    tcase_set_timeout(tc, 30);
    if (!strcmp(control_says(id), "SIGPIPE"))
        tcase_add_test_raise_signal(tc, test, SIGPIPE);
    else if (!strcmp(control_says(id), "hangs"))
        tcase_add_test_raise_signal(tc, test, SIGALRM);
    else
        tcase_add_test(tc, test);
    suite_add_tcase(s, tc);
}

int main(void)
{
    Suite *s = suite_create("compat");
    SRunner *sr;
    int failed;

    control = getenv("CT_CONTROL") && !strcmp(getenv("CT_CONTROL"), "1");
    if (load("CT_EXPECTED", CT_EXPECTED_FILE) < 0)
        return 1;
#ifdef CT_OVERLAY_FILE
    if (load("CT_OVERLAY", CT_OVERLAY_FILE) < 0)
        return 1;
#endif
#define SCENARIO(id) add_test(s, #id, test_##id);
#include CT_SCENARIOS
#undef SCENARIO
    sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
