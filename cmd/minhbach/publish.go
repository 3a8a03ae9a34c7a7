package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/minhbach/minhbach/internal/publish"
)

// buildContext is the context of a build: it is done on Ctrl-C or
// SIGTERM, and the build then stops at its next stage, leaving the
// previous site and removing its temporary folder. The first signal is
// told at once; a second one stops the program at once, as usual (the
// temporary folder, which carries the marker, is then removed by the next
// build).
func (a *app) buildContext(parent context.Context) (context.Context, context.CancelFunc) {
	if parent == nil {
		parent = context.Background()
	}
	ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	finished := make(chan struct{})
	go func() {
		<-ctx.Done()
		select {
		case <-finished:
		default:
			stop() // the next signal stops the program
			a.say(a.err, "publish.stopping")
		}
	}()
	return ctx, func() {
		close(finished)
		stop()
	}
}

// publishFailed prints a failure of the publishing stage (a refused
// destination, a write error, an interruption, addresses that would
// disappear) and returns exit status 1; it returns nil for other errors.
func (a *app) publishFailed(err error) error {
	if text, ok := publishText(err, a); ok {
		fmt.Fprintln(a.err, text)
		return exitError{1}
	}
	return nil
}

func publishText(err error, a *app) (string, bool) {
	var le *publish.LinksError
	if errors.As(err, &le) {
		return le.Text(a.lang), true
	}
	var pe *publish.Error
	if errors.As(err, &pe) {
		return pe.Text(a.lang), true
	}
	return "", false
}

// Test-only: with MINHBACH_TEST_HOLD_AT set to a stage name ("hugo") and
// MINHBACH_TEST_HOLD_FILE to a path, a build that reaches that stage
// writes its process id to the file and waits there until it is
// interrupted (at most a minute), so that a test can send it Ctrl-C or
// SIGTERM at a known point. Unset, as for every user, it does nothing.
const (
	holdAtEnv   = "MINHBACH_TEST_HOLD_AT"
	holdFileEnv = "MINHBACH_TEST_HOLD_FILE"
)

// withTestHold returns progress, wrapped with the test-only hold.
func withTestHold(ctx context.Context, progress func(string)) func(string) {
	at, file := os.Getenv(holdAtEnv), os.Getenv(holdFileEnv)
	if at == "" || file == "" {
		return progress
	}
	return func(stage string) {
		if progress != nil {
			progress(stage)
		}
		if stage != at {
			return
		}
		_ = os.WriteFile(file, []byte(strconv.Itoa(os.Getpid())), 0o644)
		select {
		case <-ctx.Done():
		case <-time.After(time.Minute):
		}
	}
}
