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
	"github.com/minhbach/minhbach/internal/reportfile"
	"github.com/minhbach/minhbach/internal/view"
)

// stopContext is the context of a command that stops cleanly on Ctrl-C or
// SIGTERM (build: at its next stage, leaving the previous site and
// removing its temporary folder; deploy: after the file being written).
// The first signal is told at once, by the message key, before the
// context is done; a second one stops the program at once, as usual (a
// build's temporary folder, which carries the marker, is then removed by
// the next build; a deploy's journal lets the next deploy finish).
// Calling the returned function ends the watch; any message is out by
// then, before the command's last words.
func (a *app) stopContext(parent context.Context, key string) (context.Context, context.CancelFunc) {
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancel(parent)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	finished, told := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(told)
		select {
		case <-signals:
			signal.Stop(signals) // the next signal stops the program
			a.say(a.err, key)
			cancel()
		case <-finished:
		}
	}()
	return ctx, func() {
		close(finished)
		<-told
		signal.Stop(signals)
		cancel()
	}
}

// said is what err says in the user's language when it is an error that
// tells itself: a request refused by reportfile, or a failure of
// publishing (a refused destination, a write error, an interruption,
// addresses that would disappear) or of a deploy.
func (a *app) said(err error) (string, bool) {
	var le *publish.LinksError
	var pe *publish.Error // deploy's too
	var re *reportfile.Error
	var ce *view.ClashError
	switch {
	case errors.As(err, &le):
		return le.Text(a.lang), true
	case errors.As(err, &pe):
		return pe.Text(a.lang), true
	case errors.As(err, &re):
		return re.Text(a.lang), true
	case errors.As(err, &ce):
		return ce.Text(a.lang), true
	}
	return "", false
}

// fail prints err after prefix and returns exit status 1 when said knows
// it; any other error is returned as it is.
func (a *app) fail(err error, prefix string) error {
	if text, ok := a.said(err); ok {
		fmt.Fprintln(a.err, prefix+text)
		return exitError{1}
	}
	return err
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
