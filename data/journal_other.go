//go:build !unix

package data

import "os"

// processAlive says whether a process with this id is running: on Windows
// finding a process that has ended fails.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
