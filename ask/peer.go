package ask

import (
	"fmt"
	"io"

	"parley/answer"
	"parley/errs"
	"parley/model/exchange"
	"parley/model/smp"
)

// The answers in peer tools' own output formats, for diffing a Parley run
// against the reference implementation's.

// WriteKTAB writes each smp forecast of the answer the way KTAB's smpc
// logs its run.
func WriteKTAB(w io.Writer, f *answer.Forecast) error {
	n := 0
	for _, m := range f.Models {
		d, ok := m.Detail.(*smp.Detail)
		if !ok {
			continue
		}
		if err := d.WriteKTAB(w); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		return errs.New(errs.Argument, "the ktab format prints the smp model's run as KTAB logs it; add the smp model")
	}
	return nil
}

// WriteDecideCSV writes the answer's one exchange run as Decide's
// outcomes CSV (issue,round,preference_nbs,voting_nbs): the forecast
// command's decide format, asked for by name, so that its csv format
// keeps one layout whatever the models.
func WriteDecideCSV(w io.Writer, f *answer.Forecast) error {
	if len(f.Models) == 1 {
		if d, ok := f.Models[0].Detail.(*exchange.Detail); ok {
			return d.WriteCSV(w)
		}
		if f.Models[0].Error != "" {
			return errs.New(errs.Invalid, "model %s: %s", f.Models[0].Model, f.Models[0].Error)
		}
	}
	return errs.New(errs.Argument, "the decide format prints one exchange run as Decide's outcomes CSV; valid: run it with -m exchange alone, or use --format csv")
}

// WriteDetail writes a model's own trace beyond the positions by round:
// every realised exchange (exchange), the chance each actor's position
// wins by round (smp). Other models write nothing.
func WriteDetail(w io.Writer, m *answer.ModelForecast) error {
	switch d := m.Detail.(type) {
	case *exchange.Detail:
		return d.WriteTrace(w)
	case *smp.Detail:
		if len(d.Prob) == 0 {
			return nil
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
	return nil
}
