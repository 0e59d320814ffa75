// Package cli is the `parley` command line: it parses flags into the
// requests of package answer, asks package ask for the answer, and renders
// it (a table for a terminal, JSON, CSV). It decides nothing itself: every
// default, every model setting and every policy lives in ask and answer,
// so the command line and the server give the same answer to the same
// question.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"parley/buildinfo"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/errs"
	"parley/nouns"
)

// commands is every top-level command, in the order help lists them.
var commands = []func() *cobra.Command{
	newForecastCmd,
	newCompareCmd,
	newSweepCmd,
	newSensitivityCmd,
	newDealCmd,
	newExplainCmd,
	newBacktestCmd,
	newLedgerCmd,
	newAdviseCmd,
	newPowerCmd,
	newShowCmd,
	newValidateCmd,
	newSourcesCmd,
	newIngestCmd,
	newImportCmd,
	newExportCmd,
	newInitCmd,
	newBriefCmd,
	newModelsCmd,
	newDocsCmd,
	newBenchCmd,
	newGenCmd,
	newServeCmd,
	newDBCmd,
}

// version is what `parley --version` prints and the ledger records as
// its engine (package buildinfo).
func version() string { return buildinfo.String() }

// Root builds the parley command tree.
func Root() *cobra.Command {
	root := &cobra.Command{
		Use:   "parley",
		Short: "Model a multi-party negotiation and forecast where it lands",
		Long: `Parley turns a negotiation into a model and the model into answers.

With no arguments it forecasts the built-in case (the 2025 Russia–Ukraine
ceasefire talks) with every default model (parley models marks the two
that run only when named) and prints a table. With a scenario file first
(parley FILE [flags]) it forecasts that file, and with forecast's flags
first (parley -m exchange) the built-in case, as parley forecast does.

Tables and text fit COLUMNS when it is set (a whole number ≥ 40), else
the terminal's width, else 120 columns; JSON and CSV are never laid out.

--version names the build: its commit, the commit's time and whether the
tree had uncommitted changes, as go build stamps them in a git checkout
(go run, go test and -buildvcs=false stamp none, and it says so), and the
Go release. bench's JSON and the ledger record the same as "engine".`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("parley {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	addLimitFlag(root)
	addQuietFlag(root)
	wrapHelp(root)
	for _, f := range commands {
		root.AddCommand(f())
	}
	refuseRepeats(root)
	return root
}

// isCommand reports whether name is a command's name or alias, "help"
// and "completion" included (Execute adds them; this adds them first).
func isCommand(root *cobra.Command, name string) bool {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	c, _, err := root.Find([]string{name})
	return err == nil && c != root
}

// lookupFlag finds the flag named name (its shorthand where short) in
// the first of sets that has it, or nil.
func lookupFlag(name string, short bool, sets ...*pflag.FlagSet) *pflag.Flag {
	for _, fs := range sets {
		var f *pflag.Flag
		if short {
			f = fs.ShorthandLookup(name) // one letter: it panics on more
		} else {
			f = fs.Lookup(name)
		}
		if f != nil {
			return f
		}
	}
	return nil
}

// fileNotCommand reports whether arg, parley's first argument, is a file
// rather than a command: no command (or alias) has its name, it is not a
// flag, and something is there (a folder too, so that forecast says it
// cannot read it), or, where nothing is, the name is a path or ends as a
// scenario's or a peer format's file does (.yaml, .yml, .json, .csv,
// .tsv, .txt, .xml), so that forecast says it cannot read it. forecast
// being the command parley runs with no arguments, "parley FILE"
// forecasts FILE, where it used to answer "unknown command".
func fileNotCommand(root *cobra.Command, arg string) bool {
	if arg == "" || strings.HasPrefix(arg, "-") || isCommand(root, arg) {
		return false
	}
	if _, err := os.Stat(arg); err == nil {
		return true
	}
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".yaml", ".yml", ".json", ".csv", ".tsv", ".txt", ".xml":
		return true
	}
	return strings.ContainsRune(arg, filepath.Separator)
}

// forecastFlag reports whether arg, parley's first argument, is a flag
// of forecast's that parley itself does not take ("-m exchange",
// "--snapshot=2025-03-18"), so that "parley -m exchange" forecasts the
// built-in case with exchange, as "parley" forecasts it with the
// default models; parley's own flags (--help, --version, --limit) stay
// parley's.
func forecastFlag(root, forecast *cobra.Command, arg string) bool {
	name, ok := strings.CutPrefix(arg, "--")
	short := false
	if !ok {
		if name, ok = strings.CutPrefix(arg, "-"); !ok || name == "" {
			return false
		}
		name, short = name[:1], true
	}
	name, _, _ = strings.Cut(name, "=")
	root.InitDefaultHelpFlag()
	root.InitDefaultVersionFlag()
	return name != "" && lookupFlag(name, short, root.Flags(), root.PersistentFlags()) == nil &&
		lookupFlag(name, short, forecast.Flags()) != nil
}

// commandAfterFlags reports whether args, parley's arguments, name a
// command after flags given first ("parley --snapshot 2025-03-18 deal
// evaluate", "parley -m exchange backtest"): its first argument that is
// neither a flag nor a flag's value is a command's name. Cobra runs such
// a line as the command with those flags, as it did before forecastFlag
// sent every line starting with a forecast flag to forecast ("cannot
// read backtest"). A flag's value is the next argument where the flag
// (forecast's or parley's own) takes one and is not written "--f=v".
func commandAfterFlags(root, forecast *cobra.Command, args []string) bool {
	sets := []*pflag.FlagSet{forecast.Flags(), forecast.InheritedFlags(), root.PersistentFlags(), root.Flags()}
	for i := 0; i < len(args); {
		switch a := args[i]; {
		case a == "--":
			return false
		case a == "-" || !strings.HasPrefix(a, "-"):
			return isCommand(root, a)
		default:
			// a flag, of the sets or not, and its value where it takes one
			_, n := flagAt(a, sets...)
			i += n
		}
	}
	return false
}

// flagAt reads a, an argument of parley's, as a flag of sets: the flag
// (nil where a names none of theirs, or none as read here: "--", a word,
// a short flag with its value in a, "-mexchange") and how many arguments
// it spans from a: 2 where it takes its value from the next one ("-m
// exchange", "--snapshot 2025-03-18"), else 1 ("--snapshot=…", "-q", a
// flag with a value when bare, or no flag of sets).
// commandAfterFlags and everyCommandFlags each scan parley's arguments
// by it.
func flagAt(a string, sets ...*pflag.FlagSet) (f *pflag.Flag, span int) {
	switch {
	case strings.HasPrefix(a, "--") && len(a) > 2:
		name, _, eq := strings.Cut(a[2:], "=")
		if f = lookupFlag(name, false, sets...); f != nil && !eq && f.NoOptDefVal == "" {
			return f, 2
		}
	case len(a) == 2 && a[0] == '-' && a[1] != '-':
		if f = lookupFlag(a[1:], true, sets...); f != nil && f.NoOptDefVal == "" {
			return f, 2
		}
	}
	return f, 1
}

// toForecast reports whether parley's args are forecast's: none (the
// built-in case), a file first, or forecast's flags first with no
// command after them, each after any of the flags every command takes
// (-q, --limit NAME=N: the root's persistent flags).
func toForecast(root *cobra.Command, args []string) bool {
	args = args[everyCommandFlags(root, args):]
	if len(args) == 0 || fileNotCommand(root, args[0]) {
		return true
	}
	forecast, _, err := root.Find([]string{"forecast"})
	return err == nil && forecastFlag(root, forecast, args[0]) && !commandAfterFlags(root, forecast, args)
}

// everyCommandFlags is how many of args, from the first, are flags every
// command takes (the root's persistent flags) and their values.
func everyCommandFlags(root *cobra.Command, args []string) int {
	i := 0
	for i < len(args) {
		f, n := flagAt(args[i], root.PersistentFlags())
		if f == nil {
			return i
		}
		i += n
	}
	return min(i, len(args))
}

// Main runs parley with args (without the program name) and returns the
// exit code: 0 ok, 2 usage error, 3 invalid input, 1 anything else.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return MainContext(context.Background(), args, stdin, stdout, stderr)
}

// MainContext is Main with a context that long commands honour (Ctrl-C).
func MainContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := Root()
	if toForecast(root, args) {
		args = append([]string{"forecast"}, args...)
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		// Ctrl-C: say so, rather than the context's own words
		fmt.Fprintln(stderr, "parley: interrupted before the answer was complete")
		return 1
	}
	// On a terminal a long error breaks at its width, as the answers do;
	// piped, it stays one line a message, for the logs that grep it.
	out, done := terminalText(stderr)
	defer done()
	fmt.Fprintln(out, "parley: "+indent(err.Error()))
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

// nArgs is every command's check of how many arguments it was given:
// from least to most (most < 0: no limit). Its error says what the
// command takes, what it got and its usage line ("forecast takes at most
// 1 argument, got 2: a.yaml extra; valid: parley forecast [FILE]
// [flags]"), where cobra's said only "accepts at most 1 arg(s), received
// 2".
func nArgs(least, most int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		n := len(args)
		if n >= least && (most < 0 || n <= most) {
			return nil
		}
		var takes string
		switch {
		case most == 0:
			takes = "no argument"
		case least == most:
			takes = nouns.Count(least, "argument")
		case most < 0:
			takes = "at least " + nouns.Count(least, "argument")
		case least == 0:
			takes = "at most " + nouns.Count(most, "argument")
		default:
			takes = fmt.Sprintf("%d to %d arguments", least, most)
		}
		got := "none"
		if n > 0 {
			got = fmt.Sprintf("%d: %s", n, strings.Join(args, " "))
		}
		name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
		if most == 0 && cmd.HasAvailableSubCommands() {
			// A group of commands: the first argument was to name one.
			var subs []string
			for _, c := range cmd.Commands() {
				if c.IsAvailableCommand() {
					subs = append(subs, c.Name())
				}
			}
			return errs.New(errs.Argument, "%s has no command %q; valid: %s (%s COMMAND)\nRun '%s --help' for usage.", name, args[0], strings.Join(subs, ", "), cmd.CommandPath(), cmd.CommandPath())
		}
		return errs.New(errs.Argument, "%s takes %s, got %s; valid: %s\nRun '%s --help' for usage.", name, takes, got, cmd.UseLine(), cmd.CommandPath())
	}
}
