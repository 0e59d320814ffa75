package smp

import (
	"bufio"
	"fmt"
	"io"
)

// WriteKTAB prints the run the way KTAB's smpc logs it (spec sections
// 1.11–1.12): one "Fractional change …" line per step, the number of
// states, the position history (100·x at %5.1f per state) and the
// "<name>, prob : …" lines. Every line ends in the one space KTAB's logger
// adds, so the output can be compared with KTAB's log by diff.
func (d *Detail) WriteKTAB(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, r := range d.Change {
		fmt.Fprintf(bw, "Fractional change compared to first step: %.4f  (target=%.4f) \n", r, 0.02)
	}
	T := len(d.Positions)
	fmt.Fprintf(bw, "There were %d states, with %d steps between them \n", T, T-1)
	fmt.Fprintf(bw, "History of actor positions over time: \n")
	D := len(d.Dims)
	for i, name := range d.Actors {
		for k, dim := range d.Dims {
			fmt.Fprintf(bw, "%s, %s:", name, dim)
			for t := 0; t < T; t++ {
				fmt.Fprintf(bw, " %5.1f", 100*d.Positions[t][i*D+k])
			}
			bw.WriteString(" \n")
		}
	}
	fmt.Fprintf(bw, "History of actors' winning probabilities: \n")
	for i, name := range d.Actors {
		fmt.Fprintf(bw, "%s, prob :", name)
		for t := 0; t < T; t++ {
			fmt.Fprintf(bw, " %.4f", d.Prob[t][i])
		}
		bw.WriteString(" \n")
	}
	return bw.Flush()
}
