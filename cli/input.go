package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/scenario"
)

// addLimitFlag gives a command (the root: every command) the --limit
// flag, which raises or lowers the limits on what it reads
// (scenario.Limits, docs/limits.md). parley serve reads it with limitsOf.
func addLimitFlag(cmd *cobra.Command) {
	l := &scenario.Limits{}
	cmd.PersistentFlags().Var(l, "limit", "raise a limit on the input, e.g. --limit actors=50000 or --limit bytes=200000000 (repeatable; names: "+
		strings.Join(scenario.LimitNames(), ", ")+"; see docs/limits.md)")
}

// limitsOf returns the limits --limit set, with the defaults for the rest.
func limitsOf(cmd *cobra.Command) scenario.Limits {
	if f := cmd.Flag("limit"); f != nil {
		if l, ok := f.Value.(*scenario.Limits); ok {
			return l.WithDefaults()
		}
	}
	return scenario.DefaultLimits()
}

// addInputFlags gives a command the flags loadCase reads.
func addInputFlags(cmd *cobra.Command, def answer.Target) {
	addTargetFlags(cmd, def)
	cmd.Flags().Bool("strict", false, "treat the file's warnings (e.g. a stance with neither evidence nor an assumed reason) as errors")
}

// addTargetFlags gives a command --snapshot and --variant, which target
// reads: defined here once for every command that resolves a scenario
// (forecast's and the others' through addInputFlags, show's).
func addTargetFlags(cmd *cobra.Command, def answer.Target) {
	f := cmd.Flags()
	f.String("snapshot", def.Snapshot, `snapshot date YYYY-MM-DD, "base" (no snapshot) or "latest"`)
	f.String("variant", def.Variant, "what-if variant to apply on top of the snapshot: its id, or its name")
}

// addQuietFlag gives a command (the root: every command, before or
// after the command's name) -q/--quiet, with one meaning, defined here:
// the scenario's warnings (printWarnings; loadCase's) and the notes of
// a file written (wrote FILE) are not printed on stderr. The answer, its
// models' caveats and errors still are.
func addQuietFlag(cmd *cobra.Command) {
	cmd.PersistentFlags().BoolP("quiet", "q", false, "do not print the scenario's warnings")
}

// quiet reports whether --quiet was given.
func quiet(cmd *cobra.Command) bool {
	q, _ := cmd.Flags().GetBool("quiet")
	return q
}

// printWarnings prints the input's warnings on stderr, each with its
// file:line:column, unless --quiet.
func printWarnings(cmd *cobra.Command, in *ask.Input) {
	if quiet(cmd) {
		return
	}
	for _, w := range in.Warnings {
		fmt.Fprintln(cmd.ErrOrStderr(), w.String())
	}
}

// listFlag splits a comma-separated flag into its items (splitList).
func listFlag(cmd *cobra.Command, name string) []string {
	s, _ := cmd.Flags().GetString(name)
	return splitList(s)
}

// splitList splits a comma-separated list into its items, each trimmed,
// the empty ones dropped (nil when none is left).
func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// target reads the input flags.
func target(cmd *cobra.Command) answer.Target {
	var t answer.Target
	t.Snapshot, _ = cmd.Flags().GetString("snapshot")
	t.Variant, _ = cmd.Flags().GetString("variant")
	return t
}

// loadInput reads args[0] (the built-in case when there is none; "-" is
// standard input) in any format Parley reads.
func loadInput(cmd *cobra.Command, args []string, strict bool) (*ask.Input, error) {
	return loadInputWith(cmd, args, ask.LoadOptions{Strict: strict})
}

// loadAnswered is loadInput for an answer: a scenario file's quotes are
// checked against the source files in its folder, and what the check
// finds is among the file's warnings, which the answer's scenario gives
// (ask.LoadOptions.ForAnswer; a file not there leaves its quotes
// unchecked, with a warning, as the brief's). The built-in case's
// sources and those of a file read from standard input are not read:
// they have no folder.
func loadAnswered(cmd *cobra.Command, args []string, strict bool) (*ask.Input, error) {
	o := ask.LoadOptions{Strict: strict}
	if len(args) > 0 && args[0] != "" && args[0] != "-" {
		o.SourceDirs, o.MissingUnchecked, o.ForAnswer = []string{filepath.Dir(args[0])}, true, true
	}
	return loadInputWith(cmd, args, o)
}

// loadInputWith is loadInput with o's options besides (Limits is
// --limit's).
func loadInputWith(cmd *cobra.Command, args []string, o ask.LoadOptions) (*ask.Input, error) {
	if len(args) == 0 || args[0] == "" {
		in, err := ask.BuiltIn()
		if err != nil {
			return nil, errs.Wrap(errs.Internal, err)
		}
		return in, nil
	}
	name, data, err := readFile(cmd, args[0])
	if err != nil {
		return nil, err
	}
	o.Limits = limitsOf(cmd)
	return interruptible(cmd.Context(), "reading "+name, func() (*ask.Input, error) { return ask.LoadContext(cmdContext(cmd), name, data, o) })
}

// interruptible runs f, returning early with an error when ctx ends first
// (Ctrl-C): parsing a large file takes seconds, and a person who gives up
// waiting gets the prompt back at once. f keeps running until it returns;
// the process is about to exit.
func interruptible[T any](ctx context.Context, what string, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ch := make(chan result, 1)
	go func() {
		v, err := f()
		ch <- result{v, err}
	}()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, errs.New(errs.Internal, "interrupted while %s", what)
	}
}

// cmdContext is the command's context (Ctrl-C ends it), or
// context.Background() for a command run without one.
func cmdContext(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}

// readFile reads a named file, or standard input for "-", up to the
// bytes limit, stopping when the command's context ends (Ctrl-C), even
// while a FIFO or a terminal has nothing to read.
func readFile(cmd *cobra.Command, name string) (string, []byte, error) {
	ctx := cmdContext(cmd)
	max := limitsOf(cmd).Bytes
	shown := name
	if name == "-" {
		shown = "<stdin>"
	}
	stdin := cmd.InOrStdin()
	data, err := interruptible(ctx, "reading "+shown, func() ([]byte, error) {
		var r io.Reader = stdin
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			r = f
		}
		return io.ReadAll(io.LimitReader(ctxReader{ctx, r}, max+1))
	})
	if err != nil {
		if errs.CodeOf(err) == errs.Internal && ctx.Err() != nil {
			return shown, nil, err
		}
		return shown, nil, errs.New(errs.Invalid, "cannot read %s: %v; valid: %s", shown, unwrapPath(err), readableValid(err))
	}
	if int64(len(data)) > max {
		d := scenario.LimitError("bytes", max, "more than "+fmt.Sprint(max)+" bytes")
		d.File = shown
		return shown, nil, scenario.Diagnostics{d}
	}
	return shown, data, nil
}

// ctxReader stops reading once its context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// loadCase loads the input and resolves it at the flags' snapshot and
// variant, printing the file's warnings and what the case assumes
// unless --quiet.
func loadCase(cmd *cobra.Command, args []string) (*ask.Case, error) {
	return loadCaseFor(cmd, args, nil)
}

// loadCaseFor is loadCase for the question req (a request as ask.Check
// takes it): a request that cannot run is refused with its error alone,
// not under the case's warnings. Its numbers, models and settings are
// checked (ask.Check) before the input is read, and what needs the case
// (an actor's or an issue's id: ask.CheckCase) before the warnings are
// printed. A nil req asks nothing: loadCase.
func loadCaseFor(cmd *cobra.Command, args []string, req any) (*ask.Case, error) {
	if req != nil {
		if err := ask.Check(req); err != nil {
			return nil, err
		}
	}
	strict, _ := cmd.Flags().GetBool("strict")
	in, err := loadAnswered(cmd, args, strict)
	if err != nil {
		return nil, err
	}
	return caseFor(cmd, in, req)
}

// caseOf is the case of the loaded input at the input flags' target,
// printing the input's warnings and what the case assumes as loadCase
// does.
func caseOf(cmd *cobra.Command, in *ask.Input) (*ask.Case, error) { return caseFor(cmd, in, nil) }

// caseFor is caseOf for the question req (nil: none), refused by
// ask.CheckCase before any warning is printed. A case that cannot be
// resolved (a snapshot or variant the input lacks) is refused after the
// input's warnings, which may say why.
func caseFor(cmd *cobra.Command, in *ask.Input, req any) (*ask.Case, error) {
	c, err := in.Case(target(cmd))
	if err == nil && req != nil {
		if err := ask.CheckCase(c, req); err != nil {
			return nil, err
		}
	}
	printWarnings(cmd, in)
	if err == nil && !quiet(cmd) && cmd.Annotations[warnsByColumn] == "" {
		for _, w := range c.Header.Assumed {
			say(cmd.ErrOrStderr(), "assumed", w, termWidth(cmd.ErrOrStderr()))
		}
	}
	return c, err
}

// warnsByColumn, set in a command's annotations, says that its answer
// covers several scenarios (parley compare's columns) and says itself
// what each assumes, so loadCase does not print what the target case
// assumes as if it were the answer's.
const warnsByColumn = "parley/warns-by-column"

// readableValid says what would be valid in place of a file that could
// not be read with err.
func readableValid(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "the path of a file that exists, or - for standard input"
	case errors.Is(err, syscall.EISDIR):
		return "a file, not a folder"
	case errors.Is(err, fs.ErrPermission):
		return "a file you may read"
	}
	return "a file that can be read"
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
