//go:build unix

package data

import (
	"errors"
	"syscall"
)

// processAlive says whether a process with this id is running (or may be:
// one of another user's answers "not permitted").
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
