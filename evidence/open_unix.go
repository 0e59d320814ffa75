//go:build unix

package evidence

import "syscall"

// openFlags opens a source without blocking: a FIFO in the sources folder
// would otherwise hold the read (and a server's slot) until some writer
// opened it; readLimited then refuses it as not a regular file. On a
// regular file the flag changes nothing.
const openFlags = syscall.O_NONBLOCK
