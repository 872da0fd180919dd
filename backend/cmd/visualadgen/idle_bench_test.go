package main

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is this process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkIdleCPU reports the share of one core an idle server takes
// (SQLite, nothing to do): its pollers and heartbeats (idle_cpu_percent).
func BenchmarkIdleCPU(b *testing.B) {
	startServer(b, nil)
	time.Sleep(time.Second) // let the start settle
	before, start := cpuTime(), time.Now()
	time.Sleep(5 * time.Second)
	used, wall := cpuTime()-before, time.Since(start)
	report("idle_cpu_percent_sqlite", 100*used.Seconds()/wall.Seconds(), "%")
}
