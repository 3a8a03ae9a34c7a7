package publish

import (
	"errors"
	"os"
	"runtime"
	"syscall"
)

// running reports whether a process with this id runs on this machine
// now, so that the temporary folder of a build running in another window
// is not taken for an interrupted one. A process id reused since, or a
// build on another machine sharing the folder, can only make a stale
// folder wait for a later build.
func running(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		return true // FindProcess fails there for a process that is gone
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM) // EPERM: another user's

}
