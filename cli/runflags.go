package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/answer"
	"parley/ask"
)

// addRunFlags gives a command the model flags: --model and the settings
// flags (addSettingsFlags), with def's defaults.
func addRunFlags(cmd *cobra.Command, def answer.Run) {
	f := cmd.Flags()
	models := "default: every default model; \"all\" adds the hidden ones"
	if len(def.Models) > 0 {
		models = "default: " + strings.Join(def.Models, ",")
	}
	addListFlag(f, "model", "m", "", "comma-separated models to run ("+models+"; see 'parley models'); repeatable")
	addSettingsFlags(cmd, def.Settings, def.Seed)
	addMemoryFlag(cmd)
}

// addSettingsFlags gives a command the flags of how its models run:
// every model setting of every model (from ask.Params, so a new setting
// needs no change here), --rounds, --max-rounds and --seed, with def's
// and seed's defaults. Every command that runs a model has them, with
// the same help, whichever field names its models.
func addSettingsFlags(cmd *cobra.Command, def answer.Settings, seed uint64) {
	f := cmd.Flags()
	for _, p := range ask.Params() {
		switch p.Kind {
		case "bool":
			b, _ := strconv.ParseBool(p.Default)
			f.Bool(p.Name, b, p.Help)
		case "enum":
			f.String(p.Name, p.Default, p.Help+": "+strings.Join(p.Values, ", "))
		default:
			f.String(p.Name, p.Default, p.Help)
		}
	}
	f.Int("rounds", def.Rounds, ask.RoundsHelp)
	f.Int("max-rounds", def.MaxRounds, ask.MaxRoundsHelp)
	f.Uint64("seed", seed, "seed of every random draw: the same seed gives the same output")
}

// runFlags reads the model flags into def.
func runFlags(cmd *cobra.Command, def answer.Run) answer.Run {
	f := cmd.Flags()
	r := def
	if list, _ := f.GetString("model"); strings.TrimSpace(list) != "" {
		r.Models = strings.Split(list, ",")
	}
	r.Settings, r.Seed = settingsFlags(cmd, def.Settings)
	return r
}

// settingsFlags reads the flags of addSettingsFlags into def, and the
// seed. Only the model settings the user gave are passed on, so the
// request says what was asked.
func settingsFlags(cmd *cobra.Command, def answer.Settings) (answer.Settings, uint64) {
	f := cmd.Flags()
	r := def
	settings := map[string]bool{}
	for _, p := range ask.Params() {
		settings[p.Name] = true
	}
	f.Visit(func(fl *pflag.Flag) {
		if settings[fl.Name] {
			if r.Params == nil {
				r.Params = map[string]string{}
			}
			r.Params[fl.Name] = fl.Value.String()
		}
	})
	r.Rounds, _ = f.GetInt("rounds")
	r.MaxRounds, _ = f.GetInt("max-rounds")
	seed, _ := f.GetUint64("seed")
	return r, seed
}

// addIssueFlag is the one definition of --issue, the flag explain,
// advise, sweep and sensitivity take: one issue id (the request's
// "issue"), what it does for the command (to explain), and what it is
// left out (every issue).
func addIssueFlag(cmd *cobra.Command, def, what, every string) {
	cmd.Flags().String("issue", def, fmt.Sprintf("the issue id %s (default: %s)", what, every))
}
