/*
 * enospc.c: an LD_PRELOAD shim that fills the disk. After NETMAP_FAULT_BYTES
 * bytes written to regular files (descriptors above 2, so stdout and stderr
 * keep working), every further write fails with ENOSPC, as on a full file
 * system. Used by tests/faults/run.sh where a small tmpfs cannot be mounted
 * (not root, or no mount namespace).
 *
 * Build: cc -shared -fPIC -o enospc.so enospc.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static long long budget = -1; /* bytes left; -1 until read from the environment */

static int exhausted(int fd, size_t n)
{
	struct stat st;

	if (budget < 0) {
		const char *s = getenv("NETMAP_FAULT_BYTES");
		budget = s ? atoll(s) : 0;
	}
	if (fd <= 2 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	if ((long long)n > budget) {
		budget = 0;
		return 1;
	}
	budget -= (long long)n;
	return 0;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);

	if (!real)
		real = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	if (exhausted(fd, n)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off_t);

	if (!real)
		real = (ssize_t(*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
	if (exhausted(fd, n)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off_t);

	if (!real)
		real = (ssize_t(*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite64");
	if (exhausted(fd, n)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n, off);
}
