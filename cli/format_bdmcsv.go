package cli

// The one-issue CSV of Bueno de Mesquita expected-utility implementations
// (Actor,Capability,Position,Salience) as a peer format, so that
// `parley forecast eu_emissions_bdm1994.csv --model bdm` reads it directly.
// The detected salience scale is in the scenario's metadata.description.

import (
	"bytes"

	"parley/format/bdmcsv"
	"parley/scenario"
)

func init() {
	registerFormat(peerFormat{
		name:   "bdmcsv",
		detect: func(path string, head []byte) bool { return bdmcsv.Detect(head) },
		read: func(path string, data []byte) (*scenario.Scenario, error) {
			return bdmcsv.Read(path, bytes.NewReader(data))
		},
	})
}
