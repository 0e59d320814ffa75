package scenariofile_test

import (
	"fmt"

	"parley/scenariofile"
)

func ExampleParse() {
	data := []byte(`metadata: {id: talks, title: Talks, as_of: 2025-02-28}
issues:
  - {id: cf, name: Ceasefire, anchors: {0: none, 100: permanent}}
actors:
  - {id: us, name: US, capability: 60, capability_assumed: a guess}
  - {id: ru, name: Russia, capability: 40, capability_assumed: a guess}
stances:
  - {actor: us, issue: cf, postion: 50, salience: 0.9, assumed: envoy}
  - {actor: ru, issue: cf, position: 0, salience: 90}
`)
	s, ds := scenariofile.Parse("talks.yaml", data)
	fmt.Println(s.Metadata.AsOf, s.Issues[0].Anchors)
	fmt.Println(ds.Err(false))
	// Output:
	// 2025-02-28 [{0 none} {100 permanent}]
	// talks.yaml:8:28: stances[0].postion: unknown field "postion" (did you mean "position"?) (valid: one of actor, issue, position, salience, range, evidence, assumed, note)
	// talks.yaml:9:5: warning: stances[1]: no evidence and no assumed reason (valid: evidence: [{source, quote, date}] or assumed: <reason>)
	// talks.yaml:9:51: stances[1].salience: salience 90 is outside its range (valid: a number from 0 to 1 (metadata.salience_scale))
}
