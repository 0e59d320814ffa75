// Package cli is the `parley` command line: it parses flags, loads and
// resolves scenarios, runs models and prints their results. It holds wiring
// only; everything it prints comes from the domain and model packages.
//
// Commands live one per file and add themselves from init() through the
// hooks in this file, so a new capability adds a file rather than editing a
// shared one.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/errs"
	"parley/model"
	"parley/scenario"
)

var (
	commands       []func() *cobra.Command
	importCommands []func() *cobra.Command
	peerFormats    []peerFormat
	outputs        = map[string]outputFunc{}
	modelFlags     []modelFlag
	detailPrinters []func(w io.Writer, r *model.Result, trace bool)
)

// register adds a top-level command.
func register(f func() *cobra.Command) { commands = append(commands, f) }

// registerImport adds `parley import <name>`.
func registerImport(f func() *cobra.Command) { importCommands = append(importCommands, f) }

// peerFormat is a file format of another tool that Parley reads as a
// scenario (BDM CSV, KTAB CSV, Decide).
type peerFormat struct {
	name   string
	detect func(path string, head []byte) bool
	read   func(path string, data []byte) (*scenario.Scenario, error)
}

// registerFormat lets every command that takes a scenario file read f.
func registerFormat(f peerFormat) { peerFormats = append(peerFormats, f) }

// outputFunc prints forecast results in a named format.
type outputFunc func(w io.Writer, in *Input, results []*model.Result) error

// registerOutput adds `parley forecast --format name`.
func registerOutput(name string, fn outputFunc) { outputs[name] = fn }

// modelCSV holds model-specific CSV layouts, used by --format csv when the
// only model run is that model (e.g. exchange prints Decide's columns).
var modelCSV = map[string]outputFunc{}

// registerModelCSV sets the --format csv layout for runs of one model.
func registerModelCSV(model string, fn outputFunc) { modelCSV[model] = fn }

// modelFlag adds model-specific flags to `parley forecast` (and other
// commands that run models) and applies them to a model before it runs.
type modelFlag struct {
	add   func(fs *pflag.FlagSet)
	tweak func(cmd *cobra.Command, m model.Model) (model.Model, error)
}

// registerModelFlags adds model-specific flags (e.g. --exact).
func registerModelFlags(add func(fs *pflag.FlagSet), tweak func(cmd *cobra.Command, m model.Model) (model.Model, error)) {
	modelFlags = append(modelFlags, modelFlag{add, tweak})
}

// registerDetailPrinter adds a printer for model-specific detail, called in
// table output after the forecast table for every result.
func registerDetailPrinter(fn func(w io.Writer, r *model.Result, trace bool)) {
	detailPrinters = append(detailPrinters, fn)
}

// Root builds the parley command tree.
func Root() *cobra.Command {
	root := &cobra.Command{
		Use:   "parley",
		Short: "Model a multi-party negotiation and forecast where it lands",
		Long: `Parley turns a negotiation into a model and the model into answers.

With no arguments it forecasts the built-in case (the 2025 Russia–Ukraine
ceasefire talks) with every model and prints a table.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return errs.New(errs.Argument, "%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	imp := &cobra.Command{
		Use:   "import FORMAT FILE",
		Short: "Convert another tool's input file into a Parley scenario (YAML on stdout)",
	}
	for _, f := range importCommands {
		imp.AddCommand(f())
	}
	root.AddCommand(imp)
	for _, f := range commands {
		root.AddCommand(f())
	}
	return root
}

// Main runs parley with args (without the program name) and returns the
// exit code: 0 ok, 2 usage error, 3 invalid input, 1 anything else.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return MainContext(context.Background(), args, stdin, stdout, stderr)
}

// MainContext is Main with a context that long commands honour (Ctrl-C).
func MainContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		args = []string{"forecast"}
	}
	root := Root()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "parley: "+indent(err.Error()))
	return exitCode(err)
}

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n  ") }

func exitCode(err error) int {
	switch errs.CodeOf(err) {
	case errs.Argument:
		return 2
	case errs.Invalid, errs.NotFound:
		return 3
	case errs.Internal:
		// cobra's own errors (unknown command, bad args) carry no code.
		msg := err.Error()
		if strings.HasPrefix(msg, "unknown command") || strings.Contains(msg, "accepts ") || strings.HasPrefix(msg, "unknown flag") || strings.Contains(msg, "arg(s)") {
			return 2
		}
		var pe *os.PathError
		if errors.As(err, &pe) {
			return 3
		}
		return 1
	}
	return 1
}

// usageArgs wraps a cobra.PositionalArgs so its errors are usage errors.
func usageArgs(f cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := f(cmd, args); err != nil {
			return errs.New(errs.Argument, "%v\nRun '%s --help' for usage.", err, cmd.CommandPath())
		}
		return nil
	}
}
