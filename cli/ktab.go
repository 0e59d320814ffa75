package cli

// KTAB (the spatial model of politics, smpc): its CSV input as a peer
// format, `parley import ktab`, `--format ktab` (KTAB's own log lines, for
// diff against smpc), and the smp model's options as --smp-* flags.

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/errs"
	"parley/format/ktab"
	"parley/model"
	"parley/model/smp"
	"parley/scenario"
	"parley/scenariofile"
)

func init() {
	registerFormat(peerFormat{
		name:   "ktab",
		detect: func(path string, head []byte) bool { return ktab.Detect(head) },
		read: func(path string, data []byte) (*scenario.Scenario, error) {
			return ktab.Read(path, bytes.NewReader(data))
		},
	})
	registerImport(newImportKTABCmd)
	registerOutput("ktab", printKTAB)
	registerModelFlags(addSMPFlags, tweakSMP)
	registerDetailPrinter(printSMPTrace)
}

// printSMPTrace adds, to the table output with --trace, the chance that
// each actor's position would win a vote among the distinct positions,
// after every round (KTAB's prob lines).
func printSMPTrace(w io.Writer, r *model.Result, trace bool) {
	d, ok := r.Detail.(*smp.Detail)
	if !ok || !trace || len(d.Prob) == 0 {
		return
	}
	fmt.Fprintf(w, "\nsmp: probability that each actor's position wins, by round\n")
	width := 5
	for _, a := range d.Actors {
		width = max(width, len(a))
	}
	fmt.Fprintf(w, "%-*s", width, "round")
	for t := range d.Prob {
		fmt.Fprintf(w, " %5d", t)
	}
	fmt.Fprintln(w)
	for i, a := range d.Actors {
		fmt.Fprintf(w, "%-*s", width, a)
		for t := range d.Prob {
			fmt.Fprintf(w, " %5.3f", d.Prob[t][i])
		}
		fmt.Fprintln(w)
	}
}

func newImportKTABCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "ktab FILE",
		Short: "Convert a KTAB SMP CSV file (smpc --csv) into a scenario",
		Long: `Convert a KTAB spatial-model-of-politics CSV file into a Parley scenario and
print it as YAML. Issues keep KTAB's 0–100 scale and saliences are written on
salience_scale 100, so the smp model sees exactly the numbers KTAB does.`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return errs.New(errs.Invalid, "cannot read %s: %v", args[0], unwrapPath(err))
			}
			s, err := ktab.Read(args[0], bytes.NewReader(data))
			if err != nil {
				return err
			}
			out, err := scenariofile.Marshal(s, "yaml")
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(out)
			return err
		},
	}
}

// printKTAB prints each smp result the way smpc logs it.
func printKTAB(w io.Writer, in *Input, results []*model.Result) error {
	n := 0
	for _, r := range results {
		d, ok := r.Detail.(*smp.Detail)
		if !ok {
			continue
		}
		if err := d.WriteKTAB(w); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		return errs.New(errs.Argument, "--format ktab prints the smp model's run as KTAB logs it; add --model smp")
	}
	return nil
}

// enumFlag parses the name of one value of an smp option type.
func enumFlag[T interface {
	~int
	fmt.Stringer
}](fs *pflag.FlagSet, flag string, last T) (T, bool, error) {
	v, _ := fs.GetString(flag)
	if v == "" {
		return 0, false, nil
	}
	var names []string
	for t := T(0); t <= last; t++ {
		if strings.EqualFold(t.String(), v) {
			return t, true, nil
		}
		names = append(names, t.String())
	}
	return 0, false, errs.New(errs.Argument, "--%s %q: valid: %s", flag, v, strings.Join(names, ", "))
}

func addSMPFlags(fs *pflag.FlagSet) {
	fs.String("smp-vote", "", "smp voting rule: Prop (default), Binary, PropBin, PropCbc, Cubic")
	fs.String("smp-pce", "", "smp probabilistic Condorcet election: Conditional (default), MarkovUniform")
	fs.String("smp-risk-range", "", "smp risk-attitude range: Mid (default), Min, Max")
	fs.String("smp-risk-adjust", "", "smp risk adjustment: OneThird (default), None, Half, TwoThirds, Full")
	fs.String("smp-commit", "", "smp third-party commitment: SemiCommit (default), NoCommit, FullCommit")
	fs.String("smp-interp", "", "smp bargain interpolation: S2P2 (default), S1P1, S2PMax")
	fs.String("smp-bargain", "", "smp bargain model: InitOnlyInterp (default), InitRcvrInterp, PWCompInterp")
}

func tweakSMP(cmd *cobra.Command, m model.Model) (model.Model, error) {
	sm, ok := m.(smp.Model)
	if !ok {
		return m, nil
	}
	fs := cmd.Flags()
	for _, err := range []error{
		setEnum(fs, "smp-vote", smp.VoteASymProsp, &sm.Vote),
		setEnum(fs, "smp-pce", smp.PCEMarkovIncentive, &sm.PCE),
		setEnum(fs, "smp-risk-range", smp.RiskMax, &sm.RiskRange),
		setEnum(fs, "smp-risk-adjust", smp.AdjustFull, &sm.RiskAdjust),
		setEnum(fs, "smp-commit", smp.FullCommit, &sm.Commit),
		setEnum(fs, "smp-interp", smp.InterpS2PMax, &sm.Interp),
		setEnum(fs, "smp-bargain", smp.BargainPWComp, &sm.Bargain),
	} {
		if err != nil {
			return m, err
		}
	}
	return sm, nil
}

// setEnum sets *dst from the enum flag when it is given (see enumFlag).
func setEnum[T interface {
	~int
	fmt.Stringer
}](fs *pflag.FlagSet, flag string, last T, dst *T) error {
	v, ok, err := enumFlag(fs, flag, last)
	if ok {
		*dst = v
	}
	return err
}
