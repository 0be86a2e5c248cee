/* main.c: placeholder until the command table lands. */
#include <stdio.h>
int main(void)
{
	fputs("netmap: not yet\n", stderr);
	return 2;
}
