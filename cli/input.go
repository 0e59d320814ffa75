package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/errs"
)

// addInputFlags gives a command the flags loadCase reads.
func addInputFlags(cmd *cobra.Command, def answer.Target) {
	f := cmd.Flags()
	f.String("snapshot", def.Snapshot, `snapshot date YYYY-MM-DD, "base" (no snapshot) or "latest"`)
	f.String("variant", def.Variant, "what-if variant id to apply on top of the snapshot")
	f.Bool("strict", false, "treat warnings (e.g. a stance with no evidence) as errors")
	f.BoolP("quiet", "q", false, "do not print the scenario's warnings")
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
	return ask.Load(name, data, ask.LoadOptions{Strict: strict})
}

// readFile reads a named file, or standard input for "-".
func readFile(cmd *cobra.Command, name string) (string, []byte, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = readAll(cmd.InOrStdin())
		name = "<stdin>"
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return name, nil, errs.New(errs.Invalid, "cannot read %s: %v", name, unwrapPath(err))
	}
	return name, data, nil
}

// loadCase loads the input and resolves it at the flags' snapshot and
// variant, printing the scenario's warnings unless --quiet.
func loadCase(cmd *cobra.Command, args []string) (*ask.Case, error) {
	strict, _ := cmd.Flags().GetBool("strict")
	quiet, _ := cmd.Flags().GetBool("quiet")
	in, err := loadInput(cmd, args, strict)
	if err != nil {
		return nil, err
	}
	if !quiet {
		for _, w := range in.Warnings {
			fmt.Fprintln(cmd.ErrOrStderr(), w.String())
		}
	}
	return in.Case(target(cmd))
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func readAll(r io.Reader) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(r)
	return b.Bytes(), err
}
