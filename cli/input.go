package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"parley/errs"
	"parley/model"
	"parley/scenario"
	"parley/scenariofile"
	"parley/scenarios"
)

// Input is a loaded scenario, resolved to a snapshot and variant, with the
// numerical problem the models read.
type Input struct {
	// Name is the file the scenario came from, or "built-in: NAME".
	Name string
	// Format is "scenario" or the name of the peer format it was read in.
	Format string
	// Scenario is the whole scenario as loaded (with snapshots, variants).
	Scenario *scenario.Scenario
	// Resolved is the scenario at the chosen snapshot with the variant.
	Resolved *scenario.Scenario
	Problem  *model.Problem
	// Snapshot and Variant are what was asked for ("" when not).
	Snapshot, Variant string
	// Warnings are non-fatal diagnostics (already printed to stderr).
	Warnings scenario.Diagnostics
}

// addInputFlags gives a command the flags loadInput reads.
func addInputFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("snapshot", "", `snapshot date YYYY-MM-DD, "base" (no snapshot) or "latest" (default: latest)`)
	f.String("variant", "", "what-if variant id to apply on top of the snapshot")
	f.Bool("strict", false, "treat warnings (e.g. a stance with no evidence) as errors")
	f.BoolP("quiet", "q", false, "do not print warnings")
}

// loadInput loads args[0] (or the built-in case when there is no argument),
// in any format Parley reads, and resolves it per the input flags.
func loadInput(cmd *cobra.Command, args []string) (*Input, error) {
	var name string
	var data []byte
	if len(args) == 0 || args[0] == "" {
		n, d := scenarios.Default()
		name, data = "built-in: "+n, d
	} else {
		name = args[0]
		var err error
		if name == "-" {
			data, err = readAll(cmd.InOrStdin())
			name = "<stdin>"
		} else {
			data, err = os.ReadFile(name)
		}
		if err != nil {
			return nil, errs.New(errs.Invalid, "cannot read %s: %v", name, unwrapPath(err))
		}
	}
	strict, _ := cmd.Flags().GetBool("strict")
	quiet, _ := cmd.Flags().GetBool("quiet")
	in, err := parseInput(name, data, strict)
	if err != nil {
		return nil, err
	}
	if !quiet {
		for _, w := range in.Warnings {
			fmt.Fprintln(cmd.ErrOrStderr(), w.String())
		}
	}
	in.Snapshot, _ = cmd.Flags().GetString("snapshot")
	in.Variant, _ = cmd.Flags().GetString("variant")
	in.Resolved, err = in.Scenario.Resolve(in.Snapshot, in.Variant)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	in.Problem, err = model.FromScenario(in.Resolved)
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, fmt.Errorf("%s: %w", name, err))
	}
	return in, nil
}

// maxForeign is how many errors to list for a file that does not look
// like a scenario.
const maxForeign = 8

// parseInput parses a scenario file or a peer format.
func parseInput(name string, data []byte, strict bool) (*Input, error) {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	ext := strings.ToLower(filepath.Ext(name))
	if !strings.HasPrefix(name, "built-in: ") && !scenariofile.Detect(data) {
		for _, f := range peerFormats {
			if f.detect(name, head) {
				s, err := f.read(name, data)
				if err != nil {
					return nil, errs.Wrap(errs.Invalid, err)
				}
				return &Input{Name: name, Format: f.name, Scenario: s, Warnings: s.Validate().Warnings()}, nil
			}
		}
		if ext != ".yaml" && ext != ".yml" && ext != ".json" {
			return nil, errs.New(errs.Invalid, "%s: not a file Parley can read; valid: a scenario in YAML or JSON (see docs/format.md)%s", name, peerList())
		}
	}
	s, ds := scenariofile.Parse(name, data)
	if es := ds.Errors(strict); !scenariofile.Detect(data) && len(es) > maxForeign {
		// Probably not a scenario at all: a wall of errors helps nobody.
		more := fmt.Sprintf("… and %d more: is %s a Parley scenario? A scenario file has metadata, issues, actors and stances (docs/format.md)%s",
			len(es)-maxForeign, name, peerList())
		return nil, append(es[:maxForeign:maxForeign], scenario.Diagnostic{Message: more})
	}
	if err := ds.Err(strict); err != nil || s == nil {
		if err == nil {
			err = errs.New(errs.Invalid, "%s: not a scenario", name)
		}
		return nil, err
	}
	return &Input{Name: name, Format: "scenario", Scenario: s, Warnings: ds.Warnings()}, nil
}

func peerList() string {
	if len(peerFormats) == 0 {
		return ""
	}
	var names []string
	for _, f := range peerFormats {
		names = append(names, f.name)
	}
	return ", or one of the peer formats: " + strings.Join(names, ", ")
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func readAll(r interface{ Read([]byte) (int, error) }) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(r)
	return b.Bytes(), err
}
