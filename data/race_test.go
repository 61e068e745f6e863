//go:build race

package data

// The race detector is on: tests that only grow slower under it, finding
// nothing (one goroutine's work), run without it (TestBigImport).
func init() { raceDetector = true }
