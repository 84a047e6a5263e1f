/* The child test_win32_process starts with CreateProcess: a Windows
 * program, through wscompat's headers.  Its first argument says what to
 * do; its exit code is the result (1xx: a step failed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

/* Prints each argument as <arg> and the command line as it sees it. */
static int show_argv(int argc, char **argv)
{
    int i;

    for (i = 2; i < argc; i++)
        printf("<%s>\n", argv[i]);
    printf("%s\n", GetCommandLineA());
    return 0;
}

/* Checks the parent's bytes 0..255 and writes 255..0 after them. */
static int use_mapping(const char *name)
{
    HANDLE m = OpenFileMappingA(FILE_MAP_ALL_ACCESS, FALSE, name);
    unsigned char *v;
    int i;

    if (!m)
        return 101;
    if (!(v = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0)))
        return 102;
    for (i = 0; i < 256; i++)
        if (v[i] != i)
            return 103;
    for (i = 0; i < 256; i++)
        v[256 + i] = (unsigned char)(255 - i);
    if (!UnmapViewOfFile(v) || !CloseHandle(m))
        return 104;
    return 0;
}

/* Waits (10 s at most) for the named event, then exits with code. */
static int wait_event(const char *name, int code)
{
    HANDLE e = OpenEventA(SYNCHRONIZE, FALSE, name);

    if (!e)
        return 105;
    return WaitForSingleObject(e, 10000) == WAIT_OBJECT_0 ? code : 106;
}

/* Sets the named event, opened with the access given (0: modify). */
static int set_event(const char *name, DWORD access)
{
    HANDLE e = OpenEventA(access ? access : EVENT_MODIFY_STATE, FALSE, name);

    if (!e)
        return 107;
    return SetEvent(e) ? 0 : (int)GetLastError();
}

/* Releases the named semaphore twice over; exits with the count before. */
static int release_semaphore(const char *name)
{
    HANDLE s = OpenSemaphoreA(SEMAPHORE_MODIFY_STATE, FALSE, name);
    LONG prev = -1;

    if (!s)
        return 109;
    return ReleaseSemaphore(s, 2, &prev) ? (int)prev : 110;
}

int main(int argc, char **argv)
{
    HANDLE never;

    if (argc < 2)
        return 100;
    if (!strcmp(argv[1], "exit") && argc > 2)
        return atoi(argv[2]);
    if (!strcmp(argv[1], "argv"))
        return show_argv(argc, argv);
    if (!strcmp(argv[1], "map") && argc > 2)
        return use_mapping(argv[2]);
    if (!strcmp(argv[1], "wait") && argc > 3)
        return wait_event(argv[2], atoi(argv[3]));
    if (!strcmp(argv[1], "set") && argc > 2)
        return set_event(argv[2], 0);
    if (!strcmp(argv[1], "setsync") && argc > 2)
        return set_event(argv[2], SYNCHRONIZE);
    if (!strcmp(argv[1], "release") && argc > 2)
        return release_semaphore(argv[2]);
    if (!strcmp(argv[1], "block")) {
        never = CreateEventA(NULL, TRUE, FALSE, NULL);
        WaitForSingleObject(never, 60000); /* until terminated */
        return 108;
    }
    return 100;
}
