package main

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// waitFile waits until FILE exists and is not empty (at most a minute):
// waitfile FILE. A build held by MINHBACH_TEST_HOLD_AT writes its process
// id there.
func waitFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfile FILE")
	}
	name := ts.MkAbs(args[0])
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if data, err := os.ReadFile(name); err == nil && len(data) > 0 {
			return
		}
	}
	ts.Fatalf("%s did not appear within a minute", args[0])
}

// sigterm sends SIGTERM to the process whose id is in FILE (testscript's
// kill sends only INT and KILL): sigterm FILE.
func sigterm(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sigterm FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	ts.Check(err)
	ts.Check(syscall.Kill(pid, syscall.SIGTERM))
}

// immutable makes folders unwritable even for root, with chattr +i, and
// undoes it at the end of the scenario: immutable DIR... Tests run as
// root, for whom permission bits do not stop writes. Scenarios that use it
// start with "[!chattr] skip", which names why; internal/publish's tests
// cover the same failures with a failing file system everywhere.
func immutable(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: immutable DIR...")
	}
	for _, a := range args {
		dir := ts.MkAbs(a)
		if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
			ts.Fatalf("chattr +i %s: %v %s", a, err, out)
		}
		ts.Defer(func() { _ = exec.Command("chattr", "-i", dir).Run() })
		if f, err := os.CreateTemp(dir, "probe"); err == nil {
			f.Close()
			os.Remove(f.Name())
			ts.Fatalf("%s is still writable after chattr +i", a)
		}
	}
}

// chattrWorks reports whether chattr +i makes a folder unwritable here,
// for the condition [chattr].
func chattrWorks() bool {
	dir, err := os.MkdirTemp("", "minhbach-chattr-")
	if err != nil {
		return false
	}
	defer os.RemoveAll(dir)
	if exec.Command("chattr", "+i", dir).Run() != nil {
		return false
	}
	defer exec.Command("chattr", "-i", dir).Run()
	f, err := os.CreateTemp(dir, "probe")
	if err == nil {
		f.Close()
		os.Remove(f.Name())
		return false
	}
	return true
}
